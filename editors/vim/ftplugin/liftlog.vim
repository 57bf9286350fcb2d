" Vim filetype plugin for liftlog(5) training journals: comments, and
" `:make` running `liftlog check` into the quickfix list.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

setlocal comments=:;,:# commentstring=;\ %s
setlocal formatoptions-=t formatoptions+=croql
compiler liftlog

let b:undo_ftplugin = 'setlocal comments< commentstring< formatoptions<'
      \ . ' makeprg< errorformat< | unlet! b:current_compiler'

" liftlog counts columns in characters; the quickfix list takes byte
" columns, so after `:make` the columns of lines holding a multibyte
" character (`Agachamento Búlgaro 3x8 @ 200`) are turned into bytes.
if !exists('*s:ByteColumns')
  function s:ByteColumns(loclist) abort
    if &l:makeprg !~# '^liftlog\>'
      return
    endif
    let list = a:loclist ? getloclist(0) : getqflist()
    let changed = 0
    for e in list
      if !e.valid || e.col <= 1 || e.vcol || e.bufnr <= 0
        continue
      endif
      let text = bufloaded(e.bufnr) ? get(getbufline(e.bufnr, e.lnum), 0, '')
            \ : get(readfile(bufname(e.bufnr), '', e.lnum), e.lnum - 1, '')
      let byte = byteidx(text, e.col - 1)
      if byte >= 0 && byte + 1 != e.col
        let e.col = byte + 1
        let changed = 1
      endif
    endfor
    if changed
      if a:loclist
        call setloclist(0, [], 'r', {'items': list})
      else
        call setqflist([], 'r', {'items': list})
      endif
    endif
  endfunction
endif

augroup liftlog_columns
  autocmd!
  autocmd QuickFixCmdPost make call s:ByteColumns(0)
  autocmd QuickFixCmdPost lmake call s:ByteColumns(1)
augroup END

let &cpo = s:cpo_save
unlet s:cpo_save

" Vim compiler file for liftlog(1): `:compiler liftlog`, then `:make` runs
" `liftlog check` on the current file and fills the quickfix list from its
" FILE:LINE:COLUMN: error|warning: MESSAGE lines; the quoted source line and
" the caret under it are left out.
if exists('current_compiler')
  finish
endif
let current_compiler = 'liftlog'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=liftlog\ check\ %:S
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%-G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save

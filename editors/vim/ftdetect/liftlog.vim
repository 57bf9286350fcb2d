" Vim filetype detection for liftlog(5) training journals.
"
" *.liftlog and *.lift are journals.  *.journal is also what ledger and
" hledger use (Vim's own filetype.vim makes it ledger), so a .journal file
" becomes liftlog only when one of its first 50 lines is something only a
" liftlog journal holds: a liftlog directive, or a session header with a
" kind and an intent.  Any other file: a modeline, `; vim: ft=liftlog`.
autocmd BufNewFile,BufRead *.liftlog,*.lift setfiletype liftlog
autocmd BufRead *.journal
      \ if match(getline(1, 50), '\v^%(unit\s+%(kg|lb)>'
      \   . '|week-start\s+%(monday|sunday)>'
      \   . '|sessions\s+%(lift|run|cross)\s+\d|exercise\s+\S'
      \   . '|phase\s+\d{4}[-/]|target\s.*\se1rm\s'
      \   . '|\d{4}[-/]\d\d[-/]\d\d\s+%(%(lift|run|cross)\s+%(hard|easy)>'
      \   . '|rest%(\s*$|\s+[";#])))') >= 0
      \ | set filetype=liftlog | endif

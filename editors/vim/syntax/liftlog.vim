" Vim syntax file for liftlog(5) training journals: session headers
" (dates, kinds, intents, titles, durations, distances, RPE), set lines
" (exercises, sets x reps, loads, RPE/RIR), field lines (keys, values,
" notes), directives, and comments, whole-line and inline.
if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim
scriptencoding utf-8

syntax case match
" `week-start`, `in-season`: one keyword each.
syntax iskeyword @,48-57,_,192-255,-

" Comments: a line whose first non-blank is ; or #, and an inline comment,
" from a ; or # after white space to the end of the line (outside a quoted
" string and a note, which are matched first).
syntax keyword liftlogTodo contained TODO FIXME XXX NOTE
syntax match liftlogInlineComment /\s\zs[;#].*$/ contained
      \ contains=liftlogTodo,@Spell

" Values shared by several kinds of line.
syntax match liftlogDate /\<\d\{4}\([-/]\)\d\d\1\d\d\>/ contained
syntax match liftlogNumber /\<\d\+\%(\.\d\+\)\=\>/ contained
" 45min 1h 1h30 1h30min 90s, 1:05:30 52:10
syntax match liftlogDuration contained
      \ /\<\d\+\%(h\%(\d\d\=\%(min\)\=\)\=\|min\|s\)\>/
syntax match liftlogDuration contained /\<\d\+\%(:\d\d\)\{1,2}\>/
" 8.4km 5mi 800m
syntax match liftlogDistance contained /\<\d\+\%(\.\d\+\)\=\%(km\|mi\|m\)\>/
" 100 72.5kg 225lb 225lbs, for field values
syntax match liftlogLoadValue contained
      \ /\<\d\+\%(\.\d\+\)\=\%(kg\|lbs\=\)\>/
" rpe 7.5 (session or sets), rir 2
syntax match liftlogEffort contained /\<\%(rpe\|rir\)\s\+\d\+\%(\.\d\+\)\=\>/
syntax region liftlogString contained oneline
      \ start=/"/ skip=/\\[\\"]/ end=/"/
syntax keyword liftlogKind contained lift run cross rest
syntax keyword liftlogIntent contained hard easy

" Session header: DATE KIND [INTENT] ["TITLE"] [FIELD ...], in column 0.
syntax match liftlogHeader /^\d\{4}[-/]\d\d[-/]\d\d\>.*$/
      \ contains=liftlogDate,liftlogKind,liftlogIntent,liftlogTitle,
      \liftlogDuration,liftlogDistance,liftlogEffort,liftlogInlineComment
syntax region liftlogTitle contained oneline
      \ start=/"/ skip=/\\[\\"]/ end=/"/

" Set line: EXERCISE GROUP[, GROUP ...], indented.  The name ends where
" the first group (5x5, 5 x 5, 5/5/4, 3x45s) begins.
syntax match liftlogSetLine /^\s\+[^ \t;#].*$/ contains=liftlogExercise,
      \liftlogSets,liftlogLoad,liftlogEffort,liftlogInlineComment
syntax match liftlogExercise contained
      \ /^\s\+\zs\%("\%([^"\\]\|\\.\)*"\|[^ \t;#"].\{-}\)\ze\s\+\d\+\%(\s*[x×]\|\/\d\)/
" 5x5, 5 x 5, 5×5, 3x45s, 2x1min, 3x1:30 and 5/5/4
syntax match liftlogSets contained
      \ /\<\d\+\s*[x×]\s*\d\+\%(:\d\d\|h\d*\%(min\)\=\|min\|s\)\=\>/
syntax match liftlogSets contained /\<\d\+\%(\/\d\+\)\+\>/
" @ 100, @ 102.5kg, @ 225lbs, @ bw, @ bw+10, @ bw-20kg
syntax match liftlogLoad contained
      \ /@\s*\%(bw\%(\s*[-+]\s*\d\+\%(\.\d\+\)\=\%(kg\|lbs\=\)\=\)\=\|\d\+\%(\.\d\+\)\=\%(kg\|lbs\=\)\=\)/

" Field line: KEY: VALUE[, KEY: VALUE ...], indented; a note is free text
" to the end of the line (no comment in it).  Defined after the set line,
" so that it wins where both could start.
syntax match liftlogFieldLine /^\s\+\a[[:alnum:]_-]*\s*:.*$/
      \ contains=liftlogFieldKey,liftlogBadKey,liftlogNote,liftlogNumber,
      \liftlogLoadValue,liftlogDuration,liftlogDistance,liftlogInlineComment
syntax match liftlogBadKey contained
      \ /\%(^\s\+\|,\s*\)\zs\a[[:alnum:]_-]*\ze\s*:/
syntax match liftlogFieldKey contained
      \ /\%(^\s\+\|,\s*\)\zs\%(sleep\|motivation\|execution\|rpe\|duration\|distance\|bodyweight\|note\)\ze\s*:/
syntax match liftlogNote contained /\%(\<note\s*:\)\@<=.*$/ contains=@Spell

" Directives, in column 0.
syntax match liftlogUnknown /^\a[[:alnum:]_-]*/
syntax keyword liftlogDirective contained include unit week-start
      \ sessions exercise alias target phase
" What each directive takes; exercise names are left plain.
syntax match liftlogDirectiveLine /^unit\>.*$/
      \ contains=liftlogDirective,liftlogUnit,liftlogInlineComment
syntax keyword liftlogUnit contained kg lb
syntax match liftlogDirectiveLine /^week-start\>.*$/
      \ contains=liftlogDirective,liftlogWeekday,liftlogInlineComment
syntax keyword liftlogWeekday contained monday sunday
syntax match liftlogDirectiveLine /^sessions\>.*$/
      \ contains=liftlogDirective,liftlogKind,liftlogRange,liftlogInlineComment
syntax match liftlogRange contained /\<\d\+-\d\+\>/
syntax match liftlogDirectiveLine /^exercise\>.*$/
      \ contains=liftlogDirective,liftlogString,liftlogCategory,
      \liftlogInlineComment
syntax match liftlogCategory contained
      \ /\s\zs\%(core\|accessory\)\ze\s*\%([;#].*\)\=$/
syntax match liftlogDirectiveLine /^alias\>.*$/
      \ contains=liftlogDirective,liftlogString,liftlogOperator,
      \liftlogInlineComment
syntax match liftlogOperator contained /\s\zs=\ze\s/
syntax match liftlogDirectiveLine /^target\>.*$/
      \ contains=liftlogDirective,liftlogString,liftlogTargetWord,
      \liftlogTargetLoad,liftlogDate,liftlogInlineComment
syntax match liftlogTargetWord contained /\s\zs\%(e1rm\|by\)\ze\s/
syntax match liftlogTargetLoad contained
      \ /\%(\se1rm\s\+\)\@<=\d\+\%(\.\d\+\)\=\%(kg\|lbs\=\)\=/
syntax match liftlogDirectiveLine /^phase\>.*$/
      \ contains=liftlogDirective,liftlogDate,liftlogPhase,liftlogInlineComment
syntax keyword liftlogPhase contained base build peak in-season taper
      \ deload off
syntax match liftlogDirectiveLine /^include\>.*$/
      \ contains=liftlogDirective,liftlogPath,liftlogInlineComment
syntax match liftlogPath contained
      \ /\%(^include\s\+\)\@<=\%("\%([^"\\]\|\\.\)*"\|[^ \t;#].\{-}\)\ze\s*\%(\s[;#].*\)\=$/

" Whole-line comments last: they win over every line kind.
syntax match liftlogComment /^\s*[;#].*$/ contains=liftlogTodo,@Spell

highlight default link liftlogComment       Comment
highlight default link liftlogInlineComment Comment
highlight default link liftlogTodo          Todo
highlight default link liftlogDate          Constant
highlight default link liftlogKind          Type
highlight default link liftlogIntent        Keyword
highlight default link liftlogTitle         Title
highlight default link liftlogString        String
highlight default link liftlogDuration      Number
highlight default link liftlogDistance      Number
highlight default link liftlogNumber        Number
highlight default link liftlogLoadValue     Number
highlight default link liftlogEffort        Special
highlight default link liftlogExercise      Identifier
highlight default link liftlogSets          Number
highlight default link liftlogLoad          Constant
highlight default link liftlogFieldKey      Label
highlight default link liftlogBadKey        Error
highlight default link liftlogNote          String
highlight default link liftlogUnknown       Error
highlight default link liftlogDirective     PreProc
highlight default link liftlogUnit          Type
highlight default link liftlogWeekday       Constant
highlight default link liftlogRange         Number
highlight default link liftlogCategory      Type
highlight default link liftlogOperator      Operator
highlight default link liftlogTargetWord    Keyword
highlight default link liftlogTargetLoad    Number
highlight default link liftlogPhase         Constant
highlight default link liftlogPath          Underlined

let b:current_syntax = 'liftlog'

let &cpo = s:cpo_save
unlet s:cpo_save

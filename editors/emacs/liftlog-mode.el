;;; liftlog-mode.el --- Major mode for liftlog training journals -*- lexical-binding: t -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "25.1"))
;; Keywords: languages, tools

;; This file is part of liftlog and is distributed under the same terms.

;;; Commentary:

;; A major mode for the plain-text training journals of liftlog(5):
;; font-lock for session headers (dates, kinds, intents, titles,
;; durations, distances, RPE), set lines (exercises, sets x reps, loads,
;; RPE and RIR), field lines (keys, values, notes), directives and
;; comments (`;' or `#' at the start of a line, or after white space);
;; `comment-dwim' writes `; '.
;;
;; `C-c C-c' (`liftlog-check') runs "liftlog check FILE" in a compilation
;; buffer: `next-error' (`M-g n') then visits each FILE:LINE:COLUMN
;; problem, errors and warnings told apart.  `M-x compile' offers the same
;; command.  The diagnostics are in the form GCC uses, which the `gnu'
;; entry of `compilation-error-regexp-alist' already reads; this file adds
;; a stricter `liftlog' entry, and `liftlog-check' uses only that one.
;;
;; Files named *.liftlog and *.lift open in this mode, and so does a
;; *.journal file (an extension ledger and hledger use too) whose first
;; lines hold something only a liftlog journal has.  Elsewhere a first line
;; `; -*- mode: liftlog -*-' does it.
;;
;; Installation (`make install' puts this file in site-lisp):
;;
;;   (require 'liftlog-mode)

;;; Code:

(require 'compile)

(defgroup liftlog nil
  "Major mode for liftlog training journals."
  :group 'languages
  :prefix "liftlog-")

(defcustom liftlog-program "liftlog"
  "The liftlog program that `liftlog-check' runs."
  :type 'string)

(defcustom liftlog-check-options ""
  "Options given to \"liftlog check\", such as \"--strict\"."
  :type 'string)

;;; Faces

(defface liftlog-date-face '((t :inherit font-lock-constant-face))
  "Face for dates.")
(defface liftlog-kind-face '((t :inherit font-lock-type-face))
  "Face for session kinds (lift, run, cross, rest) and categories.")
(defface liftlog-intent-face '((t :inherit font-lock-keyword-face))
  "Face for intents (hard, easy).")
(defface liftlog-title-face '((t :inherit font-lock-string-face :weight bold))
  "Face for session titles.")
(defface liftlog-quantity-face '((t :inherit font-lock-constant-face))
  "Face for durations, distances, sets x reps and field values.")
(defface liftlog-load-face '((t :inherit font-lock-builtin-face))
  "Face for loads (@ 100, @ bw+10).")
(defface liftlog-effort-face '((t :inherit font-lock-builtin-face))
  "Face for RPE and RIR.")
(defface liftlog-exercise-face '((t :inherit font-lock-function-name-face))
  "Face for exercise names on set lines.")
(defface liftlog-field-face '((t :inherit font-lock-variable-name-face))
  "Face for field keys (sleep:, note:, ...).")
(defface liftlog-note-face '((t :inherit font-lock-doc-face))
  "Face for the text of a note.")
(defface liftlog-directive-face '((t :inherit font-lock-preprocessor-face))
  "Face for directives (unit, exercise, alias, ...).")
(defface liftlog-error-face '((t :inherit font-lock-warning-face))
  "Face for an unknown directive or field key.")

;;; Syntax

(defvar liftlog-mode-syntax-table
  (let ((st (make-syntax-table)))
    ;; `;', `#' and `"' are punctuation here; `liftlog--propertize' makes
    ;; them comment starters and string quotes where the grammar does.
    (modify-syntax-entry ?\; "." st)
    (modify-syntax-entry ?# "." st)
    (modify-syntax-entry ?\" "." st)
    (modify-syntax-entry ?\\ "." st)
    (modify-syntax-entry ?\n ">" st)
    (modify-syntax-entry ?- "_" st)
    (modify-syntax-entry ?_ "_" st)
    (modify-syntax-entry ?@ "." st)
    st)
  "Syntax table for `liftlog-mode'.")

(defconst liftlog--field-line-re
  "^[ \t]+[[:alpha:]][[:alnum:]_-]*[ \t]*:"
  "A field line: indented, its first word followed by a colon.")

(defun liftlog--propertize (start end)
  "Mark the comments and quoted strings between START and END.
A `;' or `#' starts a comment at the start of a line or after white
space, outside a quoted title or name and outside a note; a quoted
string ends on its own line."
  (save-excursion
    (goto-char start)
    (forward-line 0)
    (while (< (point) end)
      (let ((eol (line-end-position))
            (field (looking-at-p liftlog--field-line-re))
            (done nil))
        (while (and (not done) (re-search-forward "[;#\"]\\|\\_<note[ \t]*:" eol t))
          (let ((b (match-beginning 0)))
            (cond
             ;; A note is free text to the end of the line.
             ((and field (eq (char-after b) ?n)) (setq done t))
             ((eq (char-after b) ?\")
              (if (re-search-forward "\\(?:[^\"\\\n]\\|\\\\.\\)*\"" eol t)
                  (progn
                    (put-text-property b (1+ b) 'syntax-table '(15))
                    (put-text-property (1- (point)) (point)
                                       'syntax-table '(15)))
                (setq done t)))
             ((or (= b (line-beginning-position))
                  (memq (char-before b) '(?\s ?\t)))
              (put-text-property b (1+ b) 'syntax-table '(11))
              (setq done t)))))
        (forward-line 1)))))

;;; Font lock

(defconst liftlog--date-re
  "[0-9]\\{4\\}[-/][0-9][0-9][-/][0-9][0-9]"
  "A date.")

(defconst liftlog--duration-re
  (concat "\\_<[0-9]+\\(?:h\\(?:[0-9][0-9]?\\(?:min\\)?\\)?\\|min\\|s\\)\\_>"
          "\\|\\_<[0-9]+\\(?::[0-9][0-9]\\)\\{1,2\\}\\_>")
  "A duration: 45min, 1h, 1h30, 1h30min, 90s, 1:05:30, 52:10.")

(defconst liftlog--distance-re
  "\\_<[0-9]+\\(?:\\.[0-9]+\\)?\\(?:km\\|mi\\|m\\)\\_>"
  "A distance: 8.4km, 5mi, 800m.")

(defconst liftlog--effort-re
  "\\_<\\(?:rpe\\|rir\\)[ \t]+[0-9]+\\(?:\\.[0-9]+\\)?\\_>"
  "RPE or RIR with its value.")

(defconst liftlog--sets-re
  (concat "\\_<[0-9]+[ \t]*[x×][ \t]*[0-9]+"
          "\\(?::[0-9][0-9]\\|h[0-9]*\\(?:min\\)?\\|min\\|s\\)?\\_>"
          "\\|\\_<[0-9]+\\(?:/[0-9]+\\)+\\_>")
  "Sets: 5x5, 5 x 5, 5×5, 3x45s, 2x1min, 3x1:30, 5/5/4.")

(defconst liftlog--load-re
  (concat "@[ \t]*\\(?:bw\\(?:[ \t]*[-+][ \t]*[0-9]+\\(?:\\.[0-9]+\\)?"
          "\\(?:kg\\|lbs?\\)?\\)?\\|[0-9]+\\(?:\\.[0-9]+\\)?"
          "\\(?:kg\\|lbs?\\)?\\)")
  "A load: @ 100, @ 102.5kg, @ 225lbs, @ bw, @ bw+10.")

(defconst liftlog--keys
  '("sleep" "motivation" "execution" "rpe" "duration" "distance"
    "bodyweight" "note")
  "The field keys.")

(defconst liftlog--directives
  '("include" "unit" "week-start" "sessions" "exercise" "alias" "target"
    "phase")
  "The directives.")

(defun liftlog--in-line (re face)
  "An anchored font-lock highlighter of RE with FACE.
It searches from the end of the main match's first group (the date of
a header, the exercise of a set line) to the end of the line, so that
each highlighter sees every token after it, in any order."
  `(,re (progn (goto-char (match-end 1)) (line-end-position)) nil
        (0 ',face)))

(defconst liftlog-font-lock-keywords
  `(;; Notes first, so that nothing else colours their text.
    (,(concat "^[ \t]+\\(?:[[:alpha:]][[:alnum:]_-]*[ \t]*:.*?,[ \t]*\\)?"
              "\\(note[ \t]*:\\)\\(.*\\)$")
     (1 'liftlog-field-face) (2 'liftlog-note-face))
    ;; Session header: DATE KIND [INTENT] ["TITLE"] [FIELD ...]
    (,(concat "^\\(" liftlog--date-re "\\)\\_>")
     (1 'liftlog-date-face)
     ,(liftlog--in-line "\\_<\\(?:lift\\|run\\|cross\\|rest\\)\\_>"
                       'liftlog-kind-face)
     ,(liftlog--in-line "\\_<\\(?:hard\\|easy\\)\\_>" 'liftlog-intent-face)
     ,(liftlog--in-line liftlog--duration-re 'liftlog-quantity-face)
     ,(liftlog--in-line liftlog--distance-re 'liftlog-quantity-face)
     ,(liftlog--in-line liftlog--effort-re 'liftlog-effort-face))
    ;; Directives, each with what it takes.
    (,(concat "^\\(" (regexp-opt liftlog--directives) "\\)\\_>")
     (1 'liftlog-directive-face))
    ("^unit[ \t]+\\(kg\\|lb\\)\\_>" (1 'liftlog-kind-face))
    ("^week-start[ \t]+\\(monday\\|sunday\\)\\_>" (1 'liftlog-date-face))
    ("^sessions[ \t]+\\(lift\\|run\\|cross\\)[ \t]+\\([0-9]+-[0-9]+\\)"
     (1 'liftlog-kind-face) (2 'liftlog-quantity-face))
    ("^exercise[ \t].*?[ \t]\\(core\\|accessory\\)[ \t]*\\(?:[;#].*\\)?$"
     (1 'liftlog-kind-face))
    ("^target[ \t].*?[ \t]\\(e1rm\\)[ \t]+\\([0-9.]+\\(?:kg\\|lbs?\\)?\\)[ \t]+\\(by\\)[ \t]+\\([0-9/-]+\\)"
     (1 'liftlog-intent-face) (2 'liftlog-quantity-face)
     (3 'liftlog-intent-face) (4 'liftlog-date-face))
    (,(concat "^phase[ \t]+\\(" liftlog--date-re "\\)[ \t]+"
              "\\(base\\|build\\|peak\\|in-season\\|taper\\|deload\\|off\\)\\_>")
     (1 'liftlog-date-face) (2 'liftlog-kind-face))
    ;; A word in column 0 that is no directive.
    (,(concat "^\\(?:" (regexp-opt liftlog--directives) "\\_>\\)\\|"
              "^\\([[:alpha:]][[:alnum:]_-]*\\)")
     (1 'liftlog-error-face nil t))
    ;; Field lines: KEY: VALUE[, KEY: VALUE ...]
    (,liftlog--field-line-re
     (,(concat "\\(?:^[ \t]+\\|,[ \t]*\\)\\([[:alpha:]][[:alnum:]_-]*\\)"
               "[ \t]*:")
      (progn (forward-line 0) (line-end-position)) nil
      (1 (if (member (match-string 1) liftlog--keys)
             'liftlog-field-face
           'liftlog-error-face)))
     (,(concat "\\(?:" liftlog--duration-re "\\|" liftlog--distance-re
               "\\|\\_<[0-9]+\\(?:\\.[0-9]+\\)?\\(?:kg\\|lbs?\\)?\\_>\\)")
      (progn (forward-line 0) (line-end-position)) nil
      (0 'liftlog-quantity-face)))
    ;; Set lines: EXERCISE GROUP[, GROUP ...]; the name ends where the
    ;; first group (5x5, 5 x 5, 5/5/4) begins.
    (,(concat "^[ \t]+\\(\"\\(?:[^\"\\\n]\\|\\\\.\\)*\"\\|[^ \t\n;#\":]"
              "[^\n;#:]*?\\)[ \t]+[0-9]+\\(?:[ \t]*[x×]\\|/[0-9]\\)")
     (1 'liftlog-exercise-face)
     ,(liftlog--in-line liftlog--sets-re 'liftlog-quantity-face)
     ,(liftlog--in-line liftlog--load-re 'liftlog-load-face)
     ,(liftlog--in-line liftlog--effort-re 'liftlog-effort-face)))
  "Font-lock keywords of `liftlog-mode'.")

;;; Checking

(defvar liftlog-check-error-regexp
  '(liftlog
    "^\\([^ \t\n:][^\n:]*\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:\\(error\\)\\|\\(warning\\)\\): "
    1 2 3 (5))
  "How `compilation-mode' reads a liftlog diagnostic.
FILE:LINE:COLUMN: error|warning: MESSAGE; a warning is type 1.")

(add-to-list 'compilation-error-regexp-alist-alist liftlog-check-error-regexp)
(add-to-list 'compilation-error-regexp-alist 'liftlog)

(define-compilation-mode liftlog-check-mode "liftlog-check"
  "Compilation mode for the diagnostics of \"liftlog check\"."
  (setq-local compilation-error-regexp-alist '(liftlog))
  ;; liftlog counts characters (a tab is one column), not screen columns.
  (setq-local compilation-error-screen-columns nil))

(defun liftlog--check-command ()
  "The \"liftlog check\" command line for the current buffer's file."
  (concat liftlog-program " check "
          (if (string= liftlog-check-options "") ""
            (concat liftlog-check-options " "))
          (if buffer-file-name
              (shell-quote-argument (file-relative-name buffer-file-name))
            "-")))

(defun liftlog-check (command)
  "Run COMMAND, \"liftlog check FILE\", and list its problems.
With a prefix argument, edit the command first.  Offers to save the
buffer first, as `compile' does."
  (interactive
   (list (let ((command (liftlog--check-command)))
           (if current-prefix-arg
               (read-shell-command "Check: " command)
             command))))
  (save-some-buffers (not compilation-ask-about-save)
                     compilation-save-buffers-predicate)
  (compilation-start command #'liftlog-check-mode))

;;; The mode

(defvar liftlog-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "C-c C-c") #'liftlog-check)
    map)
  "Keymap for `liftlog-mode'.")

;;;###autoload
(define-derived-mode liftlog-mode prog-mode "liftlog"
  "Major mode for liftlog(5) training journals.

\\{liftlog-mode-map}"
  :syntax-table liftlog-mode-syntax-table
  (setq-local comment-start "; ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "\\(?:^\\|[ \t]\\)[;#]+[ \t]*")
  (setq-local syntax-propertize-function #'liftlog--propertize)
  (setq-local font-lock-defaults '(liftlog-font-lock-keywords))
  (setq-local indent-tabs-mode nil)
  (setq-local compile-command (liftlog--check-command))
  (setq-local imenu-generic-expression
              `((nil ,(concat "^\\(" liftlog--date-re ".*?\\)"
                              "[ \t]*\\(?:[ \t][;#].*\\)?$")
                     1))))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.lift\\(?:log\\)?\\'" . liftlog-mode))

;;;###autoload
(defun liftlog-journal-p ()
  "Non-nil when the buffer visits a .journal file that is a liftlog journal.
That is, when one of its first 50 lines is a liftlog directive or a
session header with a kind and an intent; ledger and hledger use the
.journal extension too."
  (and buffer-file-name
       (string-match-p "\\.journal\\'" buffer-file-name)
       (save-excursion
         (goto-char (point-min))
         (let ((limit (save-excursion (forward-line 50) (point))))
           (re-search-forward
            (concat "^\\(?:unit[ \t]+\\(?:kg\\|lb\\)\\_>"
                    "\\|week-start[ \t]+\\(?:monday\\|sunday\\)\\_>"
                    "\\|sessions[ \t]+\\(?:lift\\|run\\|cross\\)[ \t]+[0-9]"
                    "\\|exercise[ \t]+[^ \t\n]"
                    "\\|phase[ \t]+[0-9]\\{4\\}[-/]"
                    "\\|target[ \t].*[ \t]e1rm[ \t]"
                    "\\|[0-9]\\{4\\}[-/][0-9][0-9][-/][0-9][0-9][ \t]+"
                    "\\(?:\\(?:lift\\|run\\|cross\\)[ \t]+\\(?:hard\\|easy\\)\\_>"
                    "\\|rest\\(?:[ \t]*$\\|[ \t]+[\";#]\\)\\)\\)")
            limit t)))))

;;;###autoload
(add-to-list 'magic-mode-alist '(liftlog-journal-p . liftlog-mode))

(provide 'liftlog-mode)

;;; liftlog-mode.el ends here

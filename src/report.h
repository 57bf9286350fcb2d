/*
 * report.h -- the reports: each builds one neutral table (table.h) from a
 * view of the model (analysis.h) and never prints.  The caller owns the
 * returned table and frees it with table_free().
 *
 * Column lists are exactly the contract's (section 4), in its order;
 * figures are table_number(..., 1) (one decimal, rounded on output),
 * counts table_int, dates table_date, and "no data" an empty cell.
 */
#ifndef LIFTLOG_REPORT_H
#define LIFTLOG_REPORT_H

#include <stdint.h>

#include "analysis.h"
#include "fold.h"
#include "table.h"

struct folder;

/* 4.4: one row per listed week; with last > 0 only the last weeks. */
struct table *report_weekly(const struct view *v, size_t last);
/* The same as a folder (fold.h), for the streaming producer. */
struct folder *weekly_folder(const struct view *v, size_t last);
/* 4.3: one row per exercise, core first, then by key. */
struct table *report_progress(const struct view *v);
/* 4.3 --by week: one row per exercise and week it was done. */
struct table *report_progress_weeks(const struct view *v);
/* 4.5: one row per rule firing, for evaluation points on or after since
 * (INT32_MIN for all). */
struct table *report_deload(const struct view *v, int32_t since);
/* The same as a folder (fold.h) of the sessions in date order. */
struct folder *deload_folder(const struct view *v, int32_t since);
/* 4.6: one row per set. */
struct table *report_export(const struct view *v);
/* 4.7: one row per session, rest days included; with -x only sessions
 * holding one of the exercises, counted over those. */
struct table *report_sessions(const struct view *v);

/* The same reports as folders (fold.h), for the streaming producer.
 * export and sessions take sessions in journal order. */
struct folder *export_folder(const struct view *v);
struct folder *sessions_folder(const struct view *v);
struct folder *progress_folder(const struct view *v);
struct folder *progress_weeks_folder(const struct view *v);

#endif

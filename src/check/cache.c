/*
 * cache.c - the link checker's persistent result cache (SQLite), so that
 * re-checking a large bibliography only goes to the network for what is
 * new or stale.
 *
 * One table keyed by a normalised key ("u:" URL, "d:" DOI, "m:" DOI
 * metadata, "w:" Wayback lookup).  Each row stores the verdict, status,
 * final URL, message, two extra strings, the time it was checked and its
 * own lifetime (the handle API's ttl for DOIs).  Only definite good answers
 * are stored (the caller decides); errors may be transient.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_int.h"

struct lit_check_cache {
	sqlite3 *db;
	sqlite3_stmt *get, *put;
};

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS link_cache ("
	" key TEXT PRIMARY KEY, verdict INTEGER, status INTEGER, permanent INTEGER,"
	" ms INTEGER, final_url TEXT, message TEXT, extra TEXT, extra2 TEXT,"
	" checked_at INTEGER, ttl INTEGER)";

int lit_check_cache_open(lit_check_cache **out, const char *path, lit_error *err)
{
	lit_check_cache *c = calloc(1, sizeof *c);
	*out = NULL;
	if (!c)
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		int rc = lit_error_set(err, LIT_EIO, path, 0, "cannot open the link cache: %s",
		                       c->db ? sqlite3_errmsg(c->db) : "out of memory");
		lit_check_cache_close(c);
		return rc;
	}
	sqlite3_busy_timeout(c->db, 5000);
	if (sqlite3_exec(c->db, schema, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(c->db, "SELECT verdict, status, permanent, ms, final_url, message,"
	                       " extra, extra2, checked_at, ttl FROM link_cache WHERE key = ?1",
	                       -1, &c->get, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO link_cache VALUES"
	                       " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	                       -1, &c->put, NULL) != SQLITE_OK) {
		int rc = lit_error_set(err, LIT_EIO, path, 0, "link cache unusable: %s",
		                       sqlite3_errmsg(c->db));
		lit_check_cache_close(c);
		return rc;
	}
	*out = c;
	return LIT_OK;
}

void lit_check_cache_close(lit_check_cache *c)
{
	if (!c)
		return;
	sqlite3_finalize(c->get);
	sqlite3_finalize(c->put);
	sqlite3_close(c->db);
	free(c);
}

static char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (!t)
		return NULL;
	size_t n = (size_t)sqlite3_column_bytes(st, i);
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, t, n);
		d[n] = '\0';
	}
	return d;
}

void lit_cache_entry_clear(lit_cache_entry *e)
{
	free(e->final_url);
	free(e->message);
	free(e->extra);
	free(e->extra2);
	memset(e, 0, sizeof *e);
}

int lit_check_cache_get(lit_check_cache *c, const char *key, long max_age_s, lit_cache_entry *e)
{
	int found = 0;
	memset(e, 0, sizeof *e);
	sqlite3_reset(c->get);
	sqlite3_bind_text(c->get, 1, key, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(c->get);
	if (rc == SQLITE_ROW) {
		long long now = (long long)time(NULL);
		long long at = sqlite3_column_int64(c->get, 8);
		long long ttl = sqlite3_column_int64(c->get, 9);
		long long age_limit = max_age_s;
		if (ttl > 0 && ttl < age_limit)
			age_limit = ttl;
		if (now - at < age_limit && now >= at) {
			e->verdict = sqlite3_column_int(c->get, 0);
			e->status = sqlite3_column_int(c->get, 1);
			e->permanent = sqlite3_column_int(c->get, 2);
			e->ms = (long)sqlite3_column_int64(c->get, 3);
			e->final_url = col_text(c->get, 4);
			e->message = col_text(c->get, 5);
			e->extra = col_text(c->get, 6);
			e->extra2 = col_text(c->get, 7);
			e->checked_at = at;
			found = 1;
			if (!e->message)
				e->message = calloc(1, 1);
		}
	} else if (rc != SQLITE_DONE) {
		found = -1;
	}
	sqlite3_reset(c->get);
	return found;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

int lit_check_cache_put(lit_check_cache *c, const char *key, const lit_cache_entry *e, long ttl_s)
{
	sqlite3_reset(c->put);
	sqlite3_bind_text(c->put, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(c->put, 2, e->verdict);
	sqlite3_bind_int(c->put, 3, e->status);
	sqlite3_bind_int(c->put, 4, e->permanent);
	sqlite3_bind_int64(c->put, 5, e->ms);
	bind_opt(c->put, 6, e->final_url);
	bind_opt(c->put, 7, e->message);
	bind_opt(c->put, 8, e->extra);
	bind_opt(c->put, 9, e->extra2);
	sqlite3_bind_int64(c->put, 10, (long long)time(NULL));
	sqlite3_bind_int64(c->put, 11, ttl_s);
	int rc = sqlite3_step(c->put);
	sqlite3_reset(c->put);
	return rc == SQLITE_DONE ? LIT_OK : LIT_EIO;
}

int lit_check_cache_begin(lit_check_cache *c)
{
	return sqlite3_exec(c->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK ? LIT_OK : LIT_EIO;
}

int lit_check_cache_commit(lit_check_cache *c)
{
	return sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? LIT_OK : LIT_EIO;
}

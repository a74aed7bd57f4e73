/*
 * xml.c - libxml2 adapter: parse XML or HTML with one set of safe options
 * and turn libxml2's errors into lit_error (see xml.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include "xml.h"

/* no network, no DTD loading or validation, no entity substitution (the
 * default), no error output on stderr */
#define XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
#define HTML_OPTS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)

static void fail(lit_error *err, int code, const char *name, const xmlError *xe, const char *what)
{
	char msg[256];
	long line = xe ? xe->line : 0;
	snprintf(msg, sizeof msg, "%s", xe && xe->message ? xe->message : "parse error");
	size_t l = strlen(msg);
	while (l && (msg[l - 1] == '\n' || msg[l - 1] == ' ' || msg[l - 1] == '\r'))
		msg[--l] = 0;
	for (char *p = msg; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	lit_error_set(err, code, name, line, "%s: %s", what, msg);
}

xmlDoc *lit_xml_parse(const char *data, size_t len, int kind, const char *name,
                      size_t max, lit_error *err)
{
	if (len > (size_t)INT_MAX || (max && len > max)) {
		lit_error_set(err, LIT_ELIMIT, name, 0, "%s input too large (%zu bytes)",
		              (kind & LIT_XML_HTML) ? "HTML" : "XML", len);
		return NULL;
	}
	xmlDoc *doc = NULL;
	if (kind & LIT_XML_HTML) {
		/* htmlReadMemory (not a reused context): it guesses UTF-8 for a
		 * page that declares no charset, as browsers do.  With RECOVER it
		 * fails only on empty input or out of memory. */
		doc = htmlReadMemory(data, (int)len, NULL, NULL, HTML_OPTS);
		if (!doc)
			lit_error_set(err, LIT_EPARSE, name, 0, "not readable as HTML");
		return doc;
	}
	xmlParserCtxtPtr c = xmlNewParserCtxt();
	if (!c) {
		lit_error_set(err, LIT_ENOMEM, name, 0, "out of memory");
		return NULL;
	}
	doc = xmlCtxtReadMemory(c, data, (int)len, NULL, NULL,
	                        XML_OPTS | ((kind & LIT_XML_LARGE) ? XML_PARSE_HUGE : 0));
	if (doc && !c->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc)
		fail(err, LIT_EPARSE, name, xmlCtxtGetLastError(c), "not well-formed XML");
	xmlFreeParserCtxt(c);
	return doc;
}

xmlDoc *lit_xml_parse_file(const char *path, int kind, size_t max, lit_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		lit_error_set(err, LIT_EIO, path, 0, "cannot open");
		return NULL;
	}
	size_t cap = 1 << 16, len = 0;
	size_t limit = max ? max : (size_t)INT_MAX;
	char *buf = malloc(cap);
	while (buf) {
		if (len == cap) {
			if (cap > limit) {
				free(buf);
				fclose(f);
				lit_error_set(err, LIT_ELIMIT, path, 0, "XML input too large");
				return NULL;
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		if (n == 0)
			break;
		len += n;
	}
	int bad = ferror(f);
	fclose(f);
	if (!buf) {
		lit_error_set(err, LIT_ENOMEM, path, 0, "out of memory");
		return NULL;
	}
	if (bad) {
		free(buf);
		lit_error_set(err, LIT_EIO, path, 0, "read error");
		return NULL;
	}
	xmlDoc *doc = lit_xml_parse(buf, len, kind, path, max, err);
	free(buf);
	return doc;
}

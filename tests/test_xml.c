/*
 * test_xml.c - the libxml2 adapter (src/util/xml.c): well-formed and broken
 * XML, line numbers in errors, HTML recovery, size limits, and that neither
 * external entities nor the network are ever loaded.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <libxml/tree.h>

#include "util/xml.h"

static xmlDoc *parse(const char *s, int kind, size_t max, lit_error *err)
{
	memset(err, 0, sizeof *err);
	return lit_xml_parse(s, strlen(s), kind, "t.xml", max, err);
}

Test(xml, well_formed)
{
	lit_error err;
	xmlDoc *d = parse("<?xml version=\"1.0\"?>\n<a><b>x</b></a>", LIT_XML_STRICT, 0, &err);
	cr_assert_not_null(d, "%s", err.message);
	cr_expect_str_eq((const char *)xmlDocGetRootElement(d)->name, "a");
	xmlFreeDoc(d);
}

Test(xml, broken_has_line)
{
	lit_error err;
	xmlDoc *d = parse("<a>\n<b>\n</a>\n", LIT_XML_STRICT, 0, &err);
	cr_assert_null(d);
	cr_expect_eq(err.code, LIT_EPARSE);
	cr_expect_geq(err.line, 3, "line %ld", err.line);
	cr_expect_str_eq(err.file, "t.xml");
	cr_expect_null(strchr(err.message, '\n'), "one line: %s", err.message);
	cr_expect_not_null(strstr(err.message, "not well-formed XML"), "%s", err.message);
}

Test(xml, garbage_and_empty)
{
	lit_error err;
	cr_expect_null(parse("\x01\x02\xff\xfe junk", LIT_XML_STRICT, 0, &err));
	cr_expect_eq(err.code, LIT_EPARSE);
	cr_expect_null(parse("", LIT_XML_STRICT, 0, &err));
	cr_expect_eq(err.code, LIT_EPARSE);
}

Test(xml, size_limit)
{
	lit_error err;
	cr_expect_null(parse("<a>0123456789</a>", LIT_XML_STRICT, 8, &err));
	cr_expect_eq(err.code, LIT_ELIMIT);
}

Test(xml, html_recovers)
{
	lit_error err;
	xmlDoc *d = parse("<p>one<p>two <b>bold</i> three", LIT_XML_HTML, 0, &err);
	cr_assert_not_null(d, "%s", err.message);
	xmlChar *txt = xmlNodeGetContent(xmlDocGetRootElement(d));
	cr_expect_not_null(strstr((const char *)txt, "two"));
	cr_expect_not_null(strstr((const char *)txt, "three"));
	xmlFree(txt);
	xmlFreeDoc(d);
}

/* an external entity naming a local file must not be read into the tree */
Test(xml, no_external_entities)
{
	char path[] = "/tmp/litera_xxeXXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, "SECRET-CONTENT", 14), 14);
	close(fd);
	char doc[1024];
	snprintf(doc, sizeof doc,
	         "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file://%s\">]>\n<a>&x;</a>", path);
	lit_error err;
	xmlDoc *d = parse(doc, LIT_XML_STRICT, 0, &err);
	if (d) {
		xmlChar *txt = xmlNodeGetContent(xmlDocGetRootElement(d));
		cr_expect_null(strstr(txt ? (const char *)txt : "", "SECRET"), "entity expanded: %s", txt);
		xmlFree(txt);
		xmlFreeDoc(d);
	}
	unlink(path);
}

Test(xml, deep_nesting_is_an_error_not_a_crash)
{
	static char doc[200000];
	size_t n = 0;
	for (int i = 0; i < 20000; i++) { memcpy(doc + n, "<a>", 3); n += 3; }
	doc[n] = 0;
	lit_error err;
	cr_expect_null(parse(doc, LIT_XML_STRICT, 0, &err));
	cr_expect_eq(err.code, LIT_EPARSE);
}

Test(xml, file_errors)
{
	lit_error err;
	memset(&err, 0, sizeof err);
	cr_expect_null(lit_xml_parse_file("/nonexistent/x.xml", LIT_XML_STRICT, 0, &err));
	cr_expect_eq(err.code, LIT_EIO);
}

/* a page that declares no charset is read as UTF-8 when it is UTF-8 */
Test(xml, html_without_charset_is_utf8)
{
	lit_error err;
	xmlDoc *d = parse("<html><body><p>Москва, P. 1\xE2\x80\x93" "18</p></body></html>", LIT_XML_HTML, 0, &err);
	cr_assert_not_null(d, "%s", err.message);
	xmlChar *txt = xmlNodeGetContent(xmlDocGetRootElement(d));
	cr_expect_not_null(strstr((const char *)txt, "Москва, P. 1\xE2\x80\x93" "18"), "%s", txt);
	xmlFree(txt);
	xmlFreeDoc(d);
}

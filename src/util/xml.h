/*
 * xml.h - the one place litera asks libxml2 to parse a document.
 *
 * Every reader of XML or HTML (DOCX parts, JATS/TEI, HTML pages, CSL
 * styles and locales, AnyStyle/TEI training data) gets its tree from here,
 * so the safety options are chosen once: no network, no external entities
 * or DTD loading, no entity expansion, a size limit, and errors translated
 * into lit_error with the line libxml2 reports.  Each call uses its own
 * parser context, so errors are not read from libxml2's global state.
 */
#ifndef LIT_UTIL_XML_H
#define LIT_UTIL_XML_H

#include <stddef.h>
#include <libxml/tree.h>
#include "litera/common.h"

/* How the bytes are parsed (flags). */
typedef enum lit_xml_kind {
	LIT_XML_STRICT = 0,  /* well-formed XML or an error */
	LIT_XML_HTML = 1,    /* HTML, recovering from tag soup like a browser */
	LIT_XML_LARGE = 2    /* trusted input (training data): lift libxml2's
	                        own limits on text size and nesting depth */
} lit_xml_kind;

/*
 * Parse LEN bytes of DATA as KIND.  NAME (may be NULL) is the file name used
 * in error messages; MAX (0 = no limit beyond INT_MAX) the largest input
 * accepted.  Returns the document, which the caller frees with
 * xmlFreeDoc(), or NULL with ERR filled (LIT_ELIMIT, LIT_EPARSE or
 * LIT_ENOMEM; the message is one line and carries libxml2's line number).
 */
xmlDoc *lit_xml_parse(const char *data, size_t len, int kind, const char *name,
                      size_t max, lit_error *err);

/* Same as lit_xml_parse for a whole file at PATH (LIT_EIO if unreadable). */
xmlDoc *lit_xml_parse_file(const char *path, int kind, size_t max, lit_error *err);

#endif

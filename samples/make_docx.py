#!/usr/bin/env python3
"""Build samples/article-en.docx from samples/article-en.md.

The DOCX shows what `litera extract` reads in Word files: body paragraphs
with footnote references (w:footnoteReference), the footnotes in their own
part (word/footnotes.xml), and the reference list as an auto-numbered list
(w:numPr), whose numbers are not in the text.  Standard library only.

usage: python3 samples/make_docx.py [OUT.docx]
"""
import os, re, sys, zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
here = os.path.dirname(os.path.abspath(__file__))
md = open(os.path.join(here, "article-en.md"), encoding="utf-8").read()

notes = {}
body = []
for block in re.split(r"\n\s*\n", md):
    block = block.strip()
    if not block:
        continue
    for m in re.finditer(r"^\[\^(\d+)\]:\s*(.*)$", block, re.M):
        notes[m.group(1)] = m.group(2)
    block = re.sub(r"^\[\^\d+\]:.*$", "", block, flags=re.M).strip()
    if not block:
        continue
    items = re.split(r"\n(?=\d+\. )", block)
    if len(items) > 1 or re.match(r"\d+\. ", block):
        for it in items:
            body.append(("num", re.sub(r"^\d+\.\s*", "", " ".join(it.split()))))
    else:
        body.append(("p", " ".join(block.lstrip("#* ").split())))

def runs(text):
    text = text.replace("\\$", "$")
    text = re.sub(r"\[([^\]]+)\]\((http[^)]+)\)", r"\1 (\2)", text)
    text = re.sub(r"<(http[^>]+)>", r"\1", text)
    out = []
    for part in re.split(r"(\[\^\d+\]|\*[^*]+\*)", text):
        if not part:
            continue
        m = re.match(r"\[\^(\d+)\]", part)
        if m:
            out.append('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                       '<w:footnoteReference w:id="%d"/></w:r>' % (int(m.group(1)) + 1))
        elif part.startswith("*") and part.endswith("*"):
            out.append('<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>'
                       % escape(part[1:-1]))
        else:
            out.append('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(part))
    return "".join(out)

paras = []
for kind, text in body:
    ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if kind == "num" else ""
    paras.append("<w:p>%s%s</w:p>" % (ppr, runs(text)))
document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document %s><w:body>%s</w:body></w:document>' % (W, "".join(paras)))
fns = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
       '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
for n, text in sorted(notes.items(), key=lambda x: int(x[0])):
    fns.append('<w:footnote w:id="%d"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
               '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>%s</w:p></w:footnote>'
               % (int(n) + 1, runs(text)))
footnotes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<w:footnotes %s>%s</w:footnotes>' % (W, "".join(fns)))
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    '</Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>')
doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
    '</Relationships>')
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "article-en.docx")
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in (("[Content_Types].xml", content_types), ("_rels/.rels", rels),
                       ("word/_rels/document.xml.rels", doc_rels),
                       ("word/document.xml", document), ("word/footnotes.xml", footnotes)):
        zi = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, data)
print(out)

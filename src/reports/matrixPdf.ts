/**
 * A State's 1540 matrix as a PDF (pdfmake): landscape A4, the header block (State, dates, status, what the marks
 * mean, the reconstruction note), then each section as a table with the weapon types side by side (the mark, and
 * below it in small type the evidence and remarks), the open-source layer apart, and a footer with the page
 * number, the generated time and the address.
 *
 * Fonts: pdfmake's bundled Roboto covers Latin, Greek and Cyrillic. Text in other scripts (Arabic, Chinese and the
 * other CJK scripts, Hebrew, Thai, Devanagari, …) is set in Debian's Noto fonts when they are installed
 * (fonts-noto-cjk, fonts-noto-core); without them it falls back to Roboto, which has no glyphs for those scripts.
 * No font is ever fetched from the network. Right-to-left runs are shaped by the font engine; their word order is
 * reversed here so that a right-to-left run reads correctly within a left-to-right line (a run that wraps onto
 * a second line is not reordered across the lines).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fieldId } from '../core/catalogue.js';
import { MATRIX_SECTIONS, type CatalogueField, type CatalogueSection, type EntryValue, type Evidence, type MatrixColumn } from '../core/matrixTypes.js';
import {
  MARK_LEGEND, MARK_NOTE, OPEN_SOURCE_LABEL, WEAPON_LABELS, WEAPON_SHORT,
  day, documentHeading, matrixSource, sectionShape, statusLabel, type MatrixFileInput,
} from './matrixFile.js';
import { DATA_LICENCE } from './table.js';

type FontFile = string | [string, string];
interface Family { name: string; normal: FontFile; bold: FontFile; test: RegExp; rtl: boolean }

const NOTO = '/usr/share/fonts/truetype/noto';
const NOTO_CJK = '/usr/share/fonts/opentype/noto';

/** Script fonts, tried in this order; a family is used only when its files are installed. */
const SCRIPT_FAMILIES: Family[] = [
  {
    name: 'NotoArabic', normal: `${NOTO}/NotoSansArabic-Regular.ttf`, bold: `${NOTO}/NotoSansArabic-Bold.ttf`, rtl: true,
    test: /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u,
  },
  { name: 'NotoHebrew', normal: `${NOTO}/NotoSansHebrew-Regular.ttf`, bold: `${NOTO}/NotoSansHebrew-Bold.ttf`, rtl: true, test: /[\u0590-\u05ff\ufb1d-\ufb4f]/u },
  {
    name: 'NotoCJK', normal: [`${NOTO_CJK}/NotoSansCJK-Regular.ttc`, 'NotoSansCJKsc-Regular'], bold: [`${NOTO_CJK}/NotoSansCJK-Bold.ttc`, 'NotoSansCJKsc-Bold'], rtl: false,
    test: /[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u318f\u31a0-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{2fa1f}]/u,
  },
  { name: 'NotoThai', normal: `${NOTO}/NotoSansThai-Regular.ttf`, bold: `${NOTO}/NotoSansThai-Bold.ttf`, rtl: false, test: /[\u0e00-\u0e7f]/u },
  { name: 'NotoDevanagari', normal: `${NOTO}/NotoSansDevanagari-Regular.ttf`, bold: `${NOTO}/NotoSansDevanagari-Bold.ttf`, rtl: false, test: /[\u0900-\u097f\ua8e0-\ua8ff]/u },
  { name: 'NotoBengali', normal: `${NOTO}/NotoSansBengali-Regular.ttf`, bold: `${NOTO}/NotoSansBengali-Bold.ttf`, rtl: false, test: /[\u0980-\u09ff]/u },
  { name: 'NotoTamil', normal: `${NOTO}/NotoSansTamil-Regular.ttf`, bold: `${NOTO}/NotoSansTamil-Bold.ttf`, rtl: false, test: /[\u0b80-\u0bff]/u },
  { name: 'NotoSinhala', normal: `${NOTO}/NotoSansSinhala-Regular.ttf`, bold: `${NOTO}/NotoSansSinhala-Bold.ttf`, rtl: false, test: /[\u0d80-\u0dff]/u },
  { name: 'NotoGeorgian', normal: `${NOTO}/NotoSansGeorgian-Regular.ttf`, bold: `${NOTO}/NotoSansGeorgian-Bold.ttf`, rtl: false, test: /[\u10a0-\u10ff\u2d00-\u2d2f]/u },
  { name: 'NotoArmenian', normal: `${NOTO}/NotoSansArmenian-Regular.ttf`, bold: `${NOTO}/NotoSansArmenian-Bold.ttf`, rtl: false, test: /[\u0530-\u058f]/u },
  { name: 'NotoEthiopic', normal: `${NOTO}/NotoSansEthiopic-Regular.ttf`, bold: `${NOTO}/NotoSansEthiopic-Bold.ttf`, rtl: false, test: /[\u1200-\u139f\u2d80-\u2ddf]/u },
  { name: 'NotoKhmer', normal: `${NOTO}/NotoSansKhmer-Regular.ttf`, bold: `${NOTO}/NotoSansKhmer-Bold.ttf`, rtl: false, test: /[\u1780-\u17ff]/u },
  { name: 'NotoLao', normal: `${NOTO}/NotoSansLao-Regular.ttf`, bold: `${NOTO}/NotoSansLao-Bold.ttf`, rtl: false, test: /[\u0e80-\u0eff]/u },
  { name: 'NotoMyanmar', normal: `${NOTO}/NotoSansMyanmar-Regular.ttf`, bold: `${NOTO}/NotoSansMyanmar-Bold.ttf`, rtl: false, test: /[\u1000-\u109f]/u },
];

function fileOf(f: FontFile): string {
  return typeof f === 'string' ? f : f[0];
}

let fontSetup: { fonts: Record<string, Record<string, FontFile>>; families: Family[]; files: Set<string> } | null = null;

/** The fonts: Roboto from the pdfmake package, and the script families whose files are installed (looked up once). */
function fonts() {
  if (fontSetup) return fontSetup;
  const roboto = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const out: Record<string, Record<string, FontFile>> = {
    Roboto: {
      normal: join(roboto, 'Roboto-Regular.ttf'), bold: join(roboto, 'Roboto-Medium.ttf'),
      italics: join(roboto, 'Roboto-Italic.ttf'), bolditalics: join(roboto, 'Roboto-MediumItalic.ttf'),
    },
  };
  const families = SCRIPT_FAMILIES.filter((f) => existsSync(fileOf(f.normal)));
  for (const f of families) {
    const bold = existsSync(fileOf(f.bold)) ? f.bold : f.normal;
    out[f.name] = { normal: f.normal, bold, italics: f.normal, bolditalics: bold };
  }
  const files = new Set(Object.values(out).flatMap((d) => Object.values(d).map(fileOf)));
  fontSetup = { fonts: out, families, files };
  return fontSetup;
}

/** The script fonts available on this machine (for the report and the tests). */
export function pdfScriptFonts(): string[] {
  return fonts().families.map((f) => f.name);
}

interface Run { text: string; font?: string }

/**
 * Splits text into runs of one font each: Roboto unless a character belongs to a script with an installed font.
 * Spaces join the run they are in; right-to-left runs have their words put in visual order.
 */
export function textRuns(text: string): Run[] {
  const { families } = fonts();
  const runs: Array<{ text: string; family: Family | null }> = [];
  for (const ch of text) {
    const family = /\s/u.test(ch) ? undefined : families.find((f) => f.test.test(ch)) ?? null;
    const last = runs[runs.length - 1];
    if (last && (family === undefined || last.family === family)) last.text += ch;
    else runs.push({ text: ch, family: family ?? null });
  }
  const out: Run[] = [];
  for (const r of runs) {
    if (r.family?.rtl) {
      // Each word its own run, spaces apart: a space inside a right-to-left run would be drawn on the wrong side of its word.
      const family = r.family.name;
      const m = /^(.*?)(\s*)$/su.exec(r.text)!;
      for (const part of m[1]!.split(/(\s+)/u).reverse()) if (part) out.push(/^\s/u.test(part) ? { text: part } : { text: part, font: family });
      if (m[2]) out.push({ text: m[2] });
    } else out.push(r.family ? { text: r.text, font: r.family.name } : { text: r.text });
  }
  return out;
}

/** A text node whose runs each carry their font. */
function t(text: string, style: Record<string, unknown> = {}): Content {
  const runs = textRuns(text);
  if (runs.length === 1 && !runs[0]!.font) return { text, ...style } as Content;
  return { text: runs.map((r) => (r.font ? { text: r.text, font: r.font } : r.text)), ...style } as Content;
}

function kindLabel(kind: Evidence['kind']): string {
  return kind.replace(/-/g, ' ');
}

/** One citation, readably: document, locator (kind; language): “excerpt” url. */
function citation(e: Evidence): Content {
  const parts: Content[] = [];
  const head = [e.document, e.locator].filter(Boolean).join(', ');
  parts.push(...textRuns(`${head} (${kindLabel(e.kind)}${e.language ? `; ${e.language}` : ''})`).map((r) => ({ ...r }) as Content));
  if (e.excerpt) parts.push(...textRuns(`: “${e.excerpt}”`).map((r) => ({ ...r }) as Content));
  if (e.url) parts.push(' ', { text: e.url, color: '#1f4e79', link: e.url, wordBreak: 'break-all' } as Content);
  return { text: parts, fontSize: 6, margin: [0, 1, 0, 0] } as Content;
}

function valueCell(v: EntryValue | undefined): TableCell {
  if (!v) return { text: '' };
  const stack: Content[] = [];
  if (v.mark) stack.push({ text: v.mark, bold: true, fontSize: 9, alignment: 'center' });
  for (const e of v.evidence) stack.push(citation(e));
  if (v.remarks) stack.push(t(`Remarks: ${v.remarks}`, { fontSize: 6, italics: true, color: '#444444', margin: [0, 1, 0, 0] }));
  return { stack } as TableCell;
}

const GREY = '#d9d9d9';
const COLUMN_HEADS: Record<MatrixColumn, string> = { legal: 'National legal framework', enforcement: 'Enforcement', yes: 'YES' };
const HEAD = '#dce6f1';
const TABLE_HEAD = '#f2f2f2';

function sectionTable(section: CatalogueSection, fields: Map<string, CatalogueField>, values: MatrixFileInput['values']): Content {
  const shape = sectionShape(section);
  const head = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, bold: true, fillColor: HEAD, fontSize: 7, alignment: 'center', ...extra }) as TableCell;
  const body: TableCell[][] = [];
  let widths: Array<number | string>;
  let headerRows: number;
  const ncols = shape.single ? 6 : 2 + shape.weapons.length * shape.columns.length;

  if (shape.single) {
    widths = [16, 200, 52, 30, '*', 150];
    headerRows = 1;
    body.push([head('No.'), head('Legally binding instruments, organizations, codes of conduct, arrangements, statements and other issues'), head('Weapon type'),
      head('YES'), head('If YES, relevant information (signature, accession, ratification, entry into force, …)'), head('Remarks')]);
  } else {
    widths = [16, 92, ...Array<string>(ncols - 2).fill('*')];
    headerRows = 2;
    const row1: TableCell[] = [head('No.', { rowSpan: 2 }), head('Activity or measure', { rowSpan: 2 })];
    const row2: TableCell[] = [{ text: '' }, { text: '' }];
    for (const w of shape.weapons) {
      row1.push(head(WEAPON_LABELS[w], { colSpan: shape.columns.length }), ...Array<TableCell>(shape.columns.length - 1).fill({ text: '' }));
      for (const c of shape.columns) row2.push(head(COLUMN_HEADS[c], { fontSize: 6.5 }));
    }
    body.push(row1, row2);
  }

  let n = 0;
  for (const table of section.tables) {
    body.push([{ text: table.label, bold: true, fillColor: TABLE_HEAD, colSpan: ncols }, ...Array<TableCell>(ncols - 1).fill({ text: '' })]);
    for (const row of table.rows) {
      n++;
      const cells: TableCell[] = [{ text: String(n), alignment: 'right' }, t(row.label) as TableCell];
      if (shape.single) {
        const f = fields.get(fieldId(section.id, row.weapons[0]!, row.id, 'yes'));
        const v = f ? values.get(f.id) : undefined;
        cells.push({ text: row.weapons.map((w) => WEAPON_SHORT[w]).join(', '), fontSize: 7 });
        if (!f) cells.push({ text: '', fillColor: GREY }, { text: '', fillColor: GREY }, { text: '', fillColor: GREY });
        else {
          cells.push({ text: v?.mark ?? '', bold: true, fontSize: 9, alignment: 'center' });
          cells.push({ stack: (v?.evidence ?? []).map(citation) } as TableCell);
          cells.push(v?.remarks ? (t(v.remarks, { fontSize: 6.5 }) as TableCell) : { text: '' });
        }
      } else {
        for (const w of shape.weapons) {
          for (const c of shape.columns) {
            const f = fields.get(fieldId(section.id, w, row.id, c));
            cells.push(f ? valueCell(values.get(f.id)) : { text: '', fillColor: GREY });
          }
        }
      }
      body.push(cells);
    }
  }
  return {
    table: { headerRows, widths, body, dontBreakRows: true },
    layout: {
      hLineWidth: () => 0.4, vLineWidth: () => 0.4, hLineColor: () => '#999999', vLineColor: () => '#999999',
      paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1.5, paddingBottom: () => 1.5,
    },
    fontSize: 7,
  } as Content;
}

function openSourceTable(input: MatrixFileInput): Content {
  const rows: TableCell[][] = [[
    { text: 'No.', bold: true, fillColor: HEAD }, { text: 'Row', bold: true, fillColor: HEAD }, { text: 'Weapon type', bold: true, fillColor: HEAD },
    { text: 'Mark', bold: true, fillColor: HEAD }, { text: 'Evidence', bold: true, fillColor: HEAD }, { text: 'Remarks', bold: true, fillColor: HEAD },
  ]];
  let n = 0;
  for (const f of input.fields) {
    const v = input.openSource?.get(f.id);
    if (!v) continue;
    rows.push([{ text: String(++n), alignment: 'right' }, t(f.label) as TableCell, { text: WEAPON_SHORT[f.weapon] }, { text: v.mark ?? '', bold: true, alignment: 'center' },
      { stack: v.evidence.map(citation) } as TableCell, v.remarks ? (t(v.remarks, { fontSize: 6.5 }) as TableCell) : { text: '' }]);
  }
  if (n === 0) rows.push([{ text: '' }, { text: 'No open-source information for this State.', colSpan: 5 }, { text: '' }, { text: '' }, { text: '' }, { text: '' }]);
  return { table: { headerRows: 1, widths: [16, 200, 52, 30, '*', 150], body: rows }, layout: 'lightHorizontalLines', fontSize: 7 } as Content;
}

export interface MatrixPdfOptions {
  /** Compress the page streams (default true; tests turn it off to read the text). */
  compress?: boolean;
}

/** Renders the matrix as a landscape A4 PDF. */
export async function matrixToPdf(input: MatrixFileInput, options: MatrixPdfOptions = {}): Promise<Buffer> {
  const setup = fonts();
  const byId = new Map(input.fields.map((f) => [f.id, f]));
  const heading = documentHeading(input);
  const kv = (k: string, v: string): TableCell[] => [{ text: k, bold: true }, t(v) as TableCell];

  const content: Content[] = [
    t(heading, { fontSize: 15, bold: true, margin: [0, 0, 0, 2] }),
    t(input.stateName, { fontSize: 12, margin: [0, 0, 0, 8] }),
    {
      table: {
        widths: [170, '*'],
        body: [
          kv('State', `${input.stateName} (${input.iso3})`),
          kv('Matrix number', input.matrixNumber === null ? '—' : String(input.matrixNumber)),
          kv('Status', statusLabel(input.status)),
          kv('Date of first report', day(input.header.firstReport) || '—'),
          kv('Dates of additional information', input.header.additional.map(day).join(', ') || '—'),
          kv('Date of Committee approval', day(input.header.approvedAt) || '—'),
          kv('Catalogue edition', `${input.editionTitle} (${input.edition})`),
          kv('Source', matrixSource(input)),
          kv('Licence', DATA_LICENCE),
          kv('Generated', `${input.generatedAt} from ${input.url}`),
        ],
      },
      layout: 'lightHorizontalLines', fontSize: 8.5, margin: [0, 0, 0, 10],
    } as Content,
    { text: 'How cells are recorded', bold: true, fontSize: 10, margin: [0, 0, 0, 3] },
    {
      table: { widths: [40, '*'], body: MARK_LEGEND.map(([m, d]) => [{ text: m, bold: true, alignment: 'center' }, { text: d }]) },
      layout: 'lightHorizontalLines', fontSize: 8.5,
    } as Content,
    { text: MARK_NOTE, fontSize: 8, italics: true, margin: [0, 4, 0, 0] },
    { text: 'Grey cells: the field does not exist for that row in this catalogue edition.', fontSize: 8, margin: [0, 2, 0, 0] },
  ];
  if (input.reconstructed) {
    content.push({
      table: { widths: ['*'], body: [[{ stack: [{ text: 'Reconstructed catalogue edition', bold: true, fontSize: 8.5 }, { text: input.reconstructed, fontSize: 7.5 }] }]] },
      layout: { fillColor: () => '#fff4e5', hLineColor: () => '#c09553', vLineColor: () => '#c09553' }, margin: [0, 10, 0, 0],
    } as Content);
  }

  const order = new Map(MATRIX_SECTIONS.map((s, i) => [s, i]));
  for (const section of [...input.sections].sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99))) {
    content.push({ text: section.label, fontSize: 11, bold: true, pageBreak: 'before', margin: [0, 0, 0, 4] });
    content.push(sectionTable(section, byId, input.values));
  }
  if (input.openSource && input.openSource.size > 0) {
    content.push({ text: OPEN_SOURCE_LABEL, fontSize: 11, bold: true, color: '#9c5700', pageBreak: 'before', margin: [0, 0, 0, 2] });
    content.push({ text: 'For information: not part of the matrix.', fontSize: 8, italics: true, margin: [0, 0, 0, 4] });
    content.push(openSourceTable(input));
  }

  const footerNote = `${input.stateName} · generated ${input.generatedAt} · ${input.url}`
    + (input.reconstructed ? ' · reconstructed catalogue edition, not an official template (see page 1)' : '');
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 36],
    compress: options.compress ?? true,
    info: {
      title: heading, author: 'open1540', subject: matrixSource(input), creator: 'open1540', producer: 'open1540 (pdfmake)',
      ...(Number.isNaN(Date.parse(input.generatedAt)) ? {} : { creationDate: new Date(input.generatedAt) }),
    },
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    footer: (currentPage: number, pageCount: number) => ({
      margin: [28, 10, 28, 0],
      columns: [
        { ...(t(footerNote, { fontSize: 6.5, color: '#555555' }) as object), width: '*' },
        { text: `Page ${currentPage} of ${pageCount}`, fontSize: 6.5, alignment: 'right', width: 70 },
      ],
    }) as Content,
    content,
  };

  // pdfmake keeps its fonts and access policies on one shared object; they are read synchronously by createPdf.
  pdfmake.setFonts(setup.fonts as never);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => setup.files.has(path));
  return pdfmake.createPdf(doc).getBuffer();
}

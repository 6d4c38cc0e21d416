/** The matrix PDF: pages, the text on them (read back through the fonts' ToUnicode maps), and non-Latin State names. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandFields } from '../core/catalogue.js';
import type { CatalogueEdition, EntryValue } from '../core/matrixTypes.js';
import type { MatrixFileInput } from './matrixFile.js';
import { matrixToPdf, pdfScriptFonts, textRuns } from './matrixPdf.js';

const edition = JSON.parse(readFileSync(new URL('../../data/matrix/editions/2026-reconstructed.json', import.meta.url), 'utf8')) as CatalogueEdition;
const fields = expandFields(edition);

function input(stateName: string, values: Record<string, EntryValue & { version: number }> = {}, more: Partial<MatrixFileInput> = {}): MatrixFileInput {
  return {
    iso3: 'XXX', stateName, edition: edition.id, editionTitle: edition.title, reconstructed: edition.reconstructed, matrixNumber: 1, status: 'draft',
    fields, sections: edition.sections, values: new Map(Object.entries(values)),
    header: { firstReport: '2004-10-28', additional: ['2005-09-13'], approvedAt: null },
    generatedAt: '2026-05-01T10:00:00.000Z', url: 'https://open1540.example/api/v1/matrix/XXX.pdf', ...more,
  };
}

/** The text of an uncompressed pdfkit PDF, in drawing order: glyph ids of each TJ mapped through the fonts' ToUnicode CMaps. */
function pdfText(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of s.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(m[1]!, m[2]!);
  const hex = (h: string) => String.fromCharCode(...h.trim().split(/\s+/).map((x) => parseInt(x, 16)));
  const cmaps = new Map<string, Map<number, string>>();
  for (const m of s.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (cmaps.has(m[1]!)) continue;
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(m[2]!) ?? '')?.[1];
    const map = new Map<number, string>();
    for (const r of (objects.get(ref ?? '') ?? '').matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/g)) {
      [...r[2]!.matchAll(/<([^>]*)>/g)].forEach((u, i) => map.set(parseInt(r[1]!, 16) + i, hex(u[1]!)));
    }
    cmaps.set(m[1]!, map);
  }
  let font = new Map<number, string>();
  let out = '';
  for (const m of s.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[-\d. ])*)\] TJ/g)) {
    if (m[1]) { font = cmaps.get(m[1]) ?? new Map(); continue; }
    for (const h of m[2]!.matchAll(/<([0-9a-f]*)>/g)) {
      for (let i = 0; i < h[1]!.length; i += 4) out += font.get(parseInt(h[1]!.slice(i, i + 4), 16)) ?? '\ufffd';
    }
  }
  return out;
}

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\n/g) ?? []).length;

describe('matrixToPdf', () => {
  it('renders a landscape A4 PDF: header block, the four sections, the open-source layer, page numbers and the footer', async () => {
    const values = {
      'op2.nw.manufacture.legal': {
        mark: 'X' as const, provenance: 'draft' as const, version: 2, remarks: 'See also the Penal Code',
        evidence: [{ kind: 'legislation' as const, document: 'Criminal Code', locator: 'art. 12', excerpt: 'Whoever manufactures', url: 'https://example.org/code.pdf', language: 'en' }],
      },
    };
    const os = new Map<string, EntryValue>([['op1.nw.npt.yes', { mark: 'X', evidence: [{ kind: 'depositary-record', document: 'Depositary notification' }], remarks: null, provenance: 'open-source' }]]);
    const pdf = await matrixToPdf(input('France', values, { openSource: os }), { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const n = pages(pdf);
    expect(n).toBeGreaterThanOrEqual(6);
    const text = pdfText(pdf);
    expect(text).toContain('DRAFT 1540 COMMITTEE MATRIX OF FRANCE');
    expect(text).toContain('France (XXX)');
    expect(text).toContain('2005-09-13');
    expect(text).toContain('How cells are recorded');
    expect(text).toContain('Reconstructed catalogue edition');
    for (const s of edition.sections) expect(text).toContain(s.label);
    expect(text).toContain('Nuclear weapons (NW)');
    expect(text).toContain('Criminal Code, art. 12 (legislation; en): “Whoever manufactures”');
    expect(text).toContain('Remarks: See also the Penal Code');
    expect(text).toContain('Open-source layer (OP1): derived from depositary records, not reviewed by the 1540 Committee');
    expect(text).toContain(`Page 1 of ${n}`);
    expect(text).toContain(`Page ${n} of ${n}`);
    expect(text).toContain('generated 2026-05-01T10:00:00.000Z · https://open1540.example/api/v1/matrix/XXX.pdf');
    // Compressed by default, and smaller.
    const packed = await matrixToPdf(input('France', values, { openSource: os }));
    expect(packed.length).toBeLessThan(pdf.length);
    expect(packed.toString('latin1')).toContain('/FlateDecode');
  });

  it('sets Cyrillic State names in Roboto, and Chinese and Arabic ones in the installed Noto fonts', async () => {
    const russia = pdfText(await matrixToPdf(input('Российская Федерация'), { compress: false }));
    expect(russia).toContain('Российская Федерация (XXX)');
    expect(russia).toContain('РОССИЙСКАЯ ФЕДЕРАЦИЯ');

    const cjk = pdfScriptFonts().includes('NotoCJK');
    const chinaPdf = await matrixToPdf(input('中华人民共和国'), { compress: false });
    if (cjk) {
      expect(pdfText(chinaPdf)).toContain('中华人民共和国 (XXX)');
      expect(chinaPdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    } else expect(pages(chinaPdf)).toBeGreaterThan(1); // no CJK font installed: Roboto has no glyphs for it, but the file is made

    const arabic = pdfScriptFonts().includes('NotoArabic');
    const name = 'المملكة العربية السعودية';
    const saudiPdf = await matrixToPdf(input(name), { compress: false });
    if (arabic) {
      // Glyphs are drawn right to left, so the text read back in drawing order is the name reversed.
      expect(pdfText(saudiPdf)).toContain([...name].reverse().join(''));
      expect(saudiPdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic-Regular/);
    } else expect(pages(saudiPdf)).toBeGreaterThan(1);
  });

  it('splits text into runs by script, right-to-left words in visual order', () => {
    expect(textRuns('Plain Latin and Кириллица')).toEqual([{ text: 'Plain Latin and Кириллица' }]);
    if (pdfScriptFonts().includes('NotoCJK')) expect(textRuns('China 中国 (CHN)')).toEqual([{ text: 'China ' }, { text: '中国 ', font: 'NotoCJK' }, { text: '(CHN)' }]);
    if (pdfScriptFonts().includes('NotoArabic')) {
      expect(textRuns('OF مصر العربية (EGY)')).toEqual([
        { text: 'OF ' }, { text: 'العربية', font: 'NotoArabic' }, { text: ' ' }, { text: 'مصر', font: 'NotoArabic' }, { text: ' ' }, { text: '(EGY)' },
      ]);
    }
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Overlay } from '../../components/overlay/host';
import type { Anchor } from '../../lib/model/anchor';
import type { Mark } from '../../lib/present/marks';

function cellAt(top: number, left: number, width = 80, height = 40): Element {
  const cell = document.createElement('td');
  document.body.append(cell);
  cell.getBoundingClientRect = () => ({ top, left, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => '' });
  return cell;
}

describe('the overlay’s layers and labels', () => {
  const elements = [cellAt(200, 100), cellAt(240, 100), cellAt(280, 100), cellAt(200, 20, 30, 20)];
  const at = (src: number): Anchor => ({ kind: 'element', src });
  const place = (anchor: Anchor) => (anchor.kind === 'element' ? elements[anchor.src] : undefined);
  const marks: Mark[] = [
    { anchor: at(0), key: 'e0', severity: 'error', messages: ['a'], findings: [0], expected: '272', name: '错误：a' },
    { anchor: at(1), key: 'e1', severity: 'error', messages: ['b', 'c'], findings: [1, 2], name: '错误：b；c' },
    { anchor: at(2), key: 'e2', severity: 'warning', messages: ['d'], findings: [3], name: '警告：d' },
    { anchor: at(3), key: 'e3', severity: 'error', messages: ['e'], findings: [4], expected: '1234567', name: '错误：e' },
  ];

  it('paints the suspect and then the selected mark with its tooltip after every other mark', () => {
    const overlay = new Overlay();
    overlay.show({ marks, place, related: [at(1), at(2)], suspect: at(2), selected: 0, reviews: [null, 'confirmed'], lang: 'zh', onSelect: () => undefined });
    const root = document.documentElement.querySelector('nianbao-audit-marks')!.shadowRoot!;
    const order = Array.from(root.querySelectorAll('.mark')).map((m) => m.getAttribute('data-at'));
    expect(order.at(-1)).toBe('e0');
    expect(order.at(-2)).toBe('e2');
    // The suspect sits right below the selected cell: the tooltip opens above instead of covering it.
    expect(root.querySelector('.mark.selected')!.classList.contains('above')).toBe(true);
    const tags = Object.fromEntries(Array.from(root.querySelectorAll('.mark')).map((m) => [m.getAttribute('data-at'), m.querySelector('.tag')!.textContent]));
    // The expected value where the cell has room; a glyph with the count otherwise; never a bare number.
    expect(tags).toEqual({ e0: '应为 272', e1: '✖2 ✔', e2: '▲', e3: '✖' });
    expect(root.querySelector('.mark[data-at="e1"]')!.getAttribute('data-review')).toBe('confirmed');
    expect(root.querySelector('.mark[data-at="e1"] .tip')!.textContent).toBe('b 〔确认问题〕c');
    overlay.hide();
  });
});

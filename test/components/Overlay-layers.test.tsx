// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Overlay } from '../../components/Overlay';
import type { Mark } from '../../lib/present/marks';

function cellAt(top: number, left: number, width = 80, height = 40): Element {
  const cell = document.createElement('td');
  document.body.append(cell);
  cell.getBoundingClientRect = () => ({ top, left, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => '' });
  return cell;
}

describe('the overlay’s layers and labels', () => {
  const elements = [cellAt(200, 100), cellAt(240, 100), cellAt(280, 100), cellAt(200, 20, 30, 20)];
  const marks: Mark[] = [
    { src: 0, severity: 'error', messages: ['a'], findings: [0], expected: '272', name: '错误：a' },
    { src: 1, severity: 'error', messages: ['b', 'c'], findings: [1, 2], name: '错误：b；c' },
    { src: 2, severity: 'warning', messages: ['d'], findings: [3], name: '警告：d' },
    { src: 3, severity: 'error', messages: ['e'], findings: [4], expected: '1234567', name: '错误：e' },
  ];

  it('paints the suspect and then the selected mark with its tooltip after every other mark', () => {
    const overlay = new Overlay();
    overlay.show({ marks, elements, related: [1, 2], suspect: 2, selected: 0, reviews: [null, 'confirmed'], lang: 'zh', onSelect: () => undefined });
    const root = document.documentElement.querySelector('nianbao-audit-marks')!.shadowRoot!;
    const order = Array.from(root.querySelectorAll('.mark')).map((m) => m.getAttribute('data-src'));
    expect(order.at(-1)).toBe('0');
    expect(order.at(-2)).toBe('2');
    // The suspect sits right below the selected cell: the tooltip opens above instead of covering it.
    expect(root.querySelector('.mark.selected')!.classList.contains('above')).toBe(true);
    const tags = Object.fromEntries(Array.from(root.querySelectorAll('.mark')).map((m) => [m.getAttribute('data-src'), m.querySelector('.tag')!.textContent]));
    // The expected value where the cell has room; a glyph with the count otherwise; never a bare number.
    expect(tags).toEqual({ 0: '应为 272', 1: '✖2 ✔', 2: '▲', 3: '✖' });
    expect(root.querySelector('.mark[data-src="1"]')!.getAttribute('data-review')).toBe('confirmed');
    expect(root.querySelector('.mark[data-src="1"] .tip')!.textContent).toBe('b 〔确认问题〕c');
    overlay.hide();
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Overlay } from '../../components/overlay/host';

describe('the page overlay', () => {
  it('shows page text as text, never as markup, inside a shadow root on <html>', () => {
    document.body.append(Object.assign(document.createElement('td'), { textContent: 'x' }));
    const cell = document.body.lastElementChild!;
    cell.getBoundingClientRect = () => ({ top: 10, left: 20, width: 40, height: 20, right: 60, bottom: 30, x: 20, y: 10, toJSON: () => '' });
    const overlay = new Overlay();
    const hostile = '“<img src=x onerror=alert(1)>” <script>alert(2)</script>';
    overlay.show({ marks: [{ anchor: { kind: 'element', src: 0 }, key: 'e0', severity: 'error', messages: [hostile], findings: [0], name: `错误：${hostile}` }], place: () => cell, related: [], suspect: null, selected: null, lang: 'zh', onSelect: () => undefined });
    const host = document.documentElement.querySelector('nianbao-audit-marks')!;
    expect(host.parentElement).toBe(document.documentElement);
    const root = host.shadowRoot!;
    expect(root.querySelectorAll('img, script').length).toBe(0);
    expect(root.querySelector('.tip')!.textContent).toBe(hostile);
    // The button's accessible name is the mark's name, as text: the hostile markup stays inert.
    expect(root.querySelector('.tag')!.getAttribute('aria-label')).toBe(`错误：${hostile}`);
    expect(host.getAttribute('style')).toContain('display: block !important');
    const mark = root.querySelector<HTMLElement>('.mark')!;
    expect([mark.style.top, mark.style.left, mark.style.width]).toEqual(['10px', '20px', '40px']);
    overlay.hide();
    expect(document.documentElement.querySelector('nianbao-audit-marks')).toBeNull();
  });
});

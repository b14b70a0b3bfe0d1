// Finds words that do not fit: labels, buttons, headings and table cells whose text spills past their box, and
// selects whose chosen option is wider than the select shows. Run in the page (Playwright's evaluate).
import type { Page } from 'playwright-core';

/** Each overflowing element, described ("button.x (140 > 120): 'Text'"); [] when everything fits. */
export function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (element: Element, wide: number, box: number) =>
      `${element.tagName.toLowerCase()}.${element.className} (${wide} > ${box}): "${element.textContent?.trim().slice(0, 40)}"`;
    const shown = (element: Element) =>
      element.getClientRects().length > 0 &&
      !element.closest('.visually-hidden, .maplibregl-map, [hidden]');
    const texts =
      'button, label, legend, th, h1, h2, h3, .field__label, .chip, .badge, [role="tab"]';
    for (const element of document.querySelectorAll<HTMLElement>(texts)) {
      if (!shown(element) || getComputedStyle(element).textOverflow === 'ellipsis') continue;
      if (element.scrollWidth > element.clientWidth + 1)
        found.push(describe(element, element.scrollWidth, element.clientWidth));
    }
    // A select's text does not scroll: measure its chosen option in its own font against the room it has.
    const ruler = document.createElement('span');
    ruler.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
    document.body.append(ruler);
    for (const select of document.querySelectorAll<HTMLSelectElement>('select')) {
      if (!shown(select) || select.selectedIndex < 0) continue;
      const style = getComputedStyle(select);
      // An icon-only select (the phone's language menu) hides its text on purpose.
      if (style.color === 'rgba(0, 0, 0, 0)') continue;
      ruler.style.font = style.font;
      ruler.textContent = select.options[select.selectedIndex]!.text;
      // The drop-down arrow Chromium draws inside the padding box, unless the select is restyled without it.
      const arrow = style.appearance === 'none' ? 0 : 20;
      const room =
        select.clientWidth -
        parseFloat(style.paddingInlineStart) -
        parseFloat(style.paddingInlineEnd) -
        arrow;
      if (ruler.offsetWidth > room + 1)
        found.push(
          describe(select, ruler.offsetWidth, Math.round(room)) + ` [${ruler.textContent}]`,
        );
    }
    ruler.remove();
    return found;
  });
}

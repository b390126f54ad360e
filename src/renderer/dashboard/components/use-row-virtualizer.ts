/**
 * Virtual rows for the bot table: up to hundreds of bots stay smooth because only the rows in
 * view (plus an overscan) are in the DOM. Rows are measured, since a long failure reason wraps.
 */
import type { RefObject } from 'react';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';

/** A typical row; measured rows replace the estimate. */
const ESTIMATED_ROW_PX = 52;
/** The sticky header sits inside the scroll box, above the first row. */
const HEADER_PX = 40;
/** First paint before the scroll box is measured: enough rows for a typical window. */
const INITIAL_RECT = { width: 1200, height: 640 };

export function useRowVirtualizer(
  count: number,
  getKey: (index: number) => string | number,
  scrollRef: RefObject<HTMLDivElement | null>,
): Virtualizer<HTMLDivElement, HTMLTableRowElement> {
  // Botdeck does not use the React Compiler, which is what this rule protects: the virtualizer
  // is read during render as a plain object, the way TanStack documents it.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count,
    getItemKey: getKey,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    paddingStart: HEADER_PX,
    overscan: 8,
    initialRect: INITIAL_RECT,
  });
}

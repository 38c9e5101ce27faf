import type { ReactNode } from "react";

/**
 * A table wider than a phone, scrolled sideways inside its own box. The title sits outside the box so it wraps
 * instead of scrolling away, and the box is a focusable region named by the title so it can be scrolled without
 * a pointer (axe: scrollable-region-focusable). `tableClassName` adds to the table's width, e.g. a minimum.
 */
export function ScrollingTable({ id, title, tableClassName = "", children }: { id: string; title: string; tableClassName?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <h3 id={id} className="text-base font-semibold">
        {title}
      </h3>
      <div role="region" aria-labelledby={id} tabIndex={0} className="overflow-x-auto">
        <table aria-labelledby={id} className={`w-full text-left text-sm ${tableClassName}`}>
          {children}
        </table>
      </div>
    </div>
  );
}

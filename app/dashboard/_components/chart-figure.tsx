import type { ReactNode } from "react";

export type ChartTable = { caption: string; columns: string[]; rows: (string | number)[][] };

/**
 * A chart with its caption and a text alternative: the SVG is hidden from screen readers, which read the table instead.
 * `empty` replaces chart and table when there is nothing to show yet; `footer` stays readable (links, notes).
 */
export function ChartFigure(props: { title: string; caption: string; table: ChartTable; empty?: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <figure className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4">
      <h2 className="text-lg font-semibold">{props.title}</h2>
      {props.empty ? (
        <p className="text-muted">{props.empty}</p>
      ) : (
        <>
          <div aria-hidden="true">{props.children}</div>
          {/* The wrapper, not the table, is visually hidden: a table cannot shrink below its content and would widen the page. */}
          <div className="sr-only">
            <table>
              <caption>{props.table.caption}</caption>
              <thead>
                <tr>
                  {props.table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {props.table.rows.map((row, index) => (
                  <tr key={index}>
                    {row.map((cell, cellIndex) =>
                      cellIndex === 0 ? (
                        <th key={cellIndex} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={cellIndex}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {props.footer}
        </>
      )}
      <figcaption className="text-sm text-muted">{props.caption}</figcaption>
    </figure>
  );
}

/**
 * @module screens/DataTable
 * The screen-reader twin of a chart: the same numbers as a two-column table, visually hidden.
 * The wrapper hides the table: tables ignore width and overflow, so they can't be hidden themselves.
 * Labels may hold the organizer's words (a facility's name) in any script: each is isolated.
 */
export interface DataRow {
  key: string | number;
  label: string;
  value: string | number;
}

export function DataTable({ caption, columns, rows }: { caption: string; columns: [string, string]; rows: DataRow[] }) {
  return (
    <div class="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <bdi>{r.label}</bdi>
              </th>
              <td>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/// The report's stylesheet, inlined in every page. Modelled on JupyterLab's light theme
/// (prompt colours, editor and error backgrounds, Pygments-style code colours), with a
/// narrow-screen layout (prompts above the code, boxes scroll sideways, the page never does)
/// and a print layout (no ink-wasting backgrounds, cells kept whole where possible).
enum ReportStyle {
    static let css = """
        :root {
          --prompt-width: 76px;
          --text: #1f2328;
          --muted: #616161;
          --border: #e0e0e0;
          --editor-bg: #f7f7f7;
          --editor-border: #dcdcdc;
          --in-prompt: #307fc1;
          --out-prompt: #bf5b3d;
          --error-bg: #fdeeee;
          --error-border: #f3c2c2;
          --error-fg: #b22b31;
          --link: #0b62c4;
          --font-prose: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
          --font-code: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
          color-scheme: light;
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0; background: #fff; color: var(--text);
          font: 15px/1.6 var(--font-prose);
        }
        .notebook { max-width: 1180px; margin: 0 auto; padding: 28px 24px 64px 16px; }

        /* Header: title and one line of facts, aligned with the cells' content column. */
        .report-header {
          margin: 0 0 24px var(--prompt-width); padding: 0 0 14px 8px;
          border-bottom: 1px solid var(--border);
        }
        .report-title { font-size: 1.9em; line-height: 1.25; margin: 0 0 6px; font-weight: 650; }
        .report-facts {
          margin: 0; color: var(--muted); font-size: 0.875em;
          display: flex; flex-wrap: wrap; gap: 2px 0;
        }
        .report-facts span + span::before { content: "\\00b7"; margin: 0 0.55em; color: #9e9e9e; }
        .report-facts .notebook-name { font-family: var(--font-code); font-size: 0.95em; color: var(--text); }

        /* Cells: a prompt column and a content column, as in JupyterLab. */
        .cell { margin: 0 0 12px; }
        .input, .output { display: flex; align-items: flex-start; }
        .prompt {
          flex: 0 0 var(--prompt-width); width: var(--prompt-width);
          padding: 5px 8px 0 0; text-align: right;
          font: 13px/1.45 var(--font-code); white-space: nowrap; user-select: none;
        }
        .in-prompt { color: var(--in-prompt); }
        .out-prompt { color: var(--out-prompt); }
        .failed .in-prompt { color: var(--error-fg); }
        .cell-time {
          display: block; margin-top: 2px; font: 11px/1.3 var(--font-prose); color: #9e9e9e;
        }
        .editor, .output-body { flex: 1 1 auto; min-width: 0; }
        .editor {
          background: var(--editor-bg); border: 1px solid var(--editor-border); border-radius: 3px;
        }
        pre {
          margin: 0; font: 13px/1.45 var(--font-code); tab-size: 4;
          white-space: pre; overflow-x: auto;
        }
        .editor pre { padding: 5px 8px; }
        code { font-family: var(--font-code); }

        /* Outputs. */
        .outputs { margin-top: 4px; }
        .output + .output { margin-top: 2px; }
        .output-body > pre { padding: 5px 8px 5px 9px; }
        .output-error .output-body {
          background: var(--error-bg); border-left: 3px solid var(--error-fg); border-radius: 2px;
        }
        .ename { color: var(--error-fg); font-weight: 700; }
        .tb-rule { color: var(--error-fg); }
        .tb-location { color: #00753a; }
        .tb-lineno { color: #00753a; }

        .table-caption {
          font: 13px/1.45 var(--font-code); padding: 6px 8px 2px 9px; white-space: pre-wrap;
        }
        .table-wrap { overflow-x: auto; padding: 4px 0 2px 9px; }
        table.summary {
          border-collapse: collapse; font: 12.5px/1.45 var(--font-prose);
          font-variant-numeric: tabular-nums;
        }
        table.summary th, table.summary td {
          padding: 4px 14px 4px 8px; text-align: left; vertical-align: top; white-space: nowrap;
        }
        table.summary th { font-weight: 600; border-bottom: 1px solid #616161; }
        table.summary td { border-bottom: 1px solid #f0f0f0; }
        table.summary tbody tr:nth-child(odd) { background: #f7f7f7; }
        table.summary .num { text-align: right; }
        table.summary td:first-child { font-family: var(--font-code); font-size: 12px; }
        pre.table-footer { padding: 6px 8px 4px 9px; color: var(--text); }

        figure { margin: 4px 0; padding: 4px 0 4px 9px; }
        figure svg { display: block; max-width: 100%; height: auto; }

        /* Prose, rendered from the notebook's Markdown. */
        .prose {
          margin-left: var(--prompt-width); padding: 2px 0 2px 8px;
          overflow-wrap: break-word; min-width: 0;
        }
        .prose > :first-child { margin-top: 0; }
        .prose > :last-child { margin-bottom: 0; }
        .prose h1, .prose h2, .prose h3, .prose h4, .prose h5, .prose h6 {
          line-height: 1.3; margin: 1.3em 0 0.5em; font-weight: 650;
        }
        .prose h1 { font-size: 1.65em; }
        .prose h2 { font-size: 1.35em; }
        .prose h3 { font-size: 1.15em; }
        .prose h4, .prose h5, .prose h6 { font-size: 1em; }
        .prose p, .prose ul, .prose ol, .prose blockquote, .prose pre, .prose table { margin: 0 0 0.85em; }
        .prose ul, .prose ol { padding-left: 1.6em; }
        .prose li + li { margin-top: 0.2em; }
        .prose li > p { margin: 0.2em 0; }
        .prose ul:has(> li > input[type="checkbox"]) { list-style: none; padding-left: 0.4em; }
        .prose li > input[type="checkbox"] { margin: 0 0.45em 0 0; vertical-align: -1px; }
        .prose a { color: var(--link); text-decoration: underline; text-underline-offset: 2px; }
        .prose code {
          font-size: 0.88em; background: #f3f3f3; border-radius: 3px; padding: 0.1em 0.3em;
        }
        .prose pre {
          background: var(--editor-bg); border: 1px solid var(--editor-border); border-radius: 3px;
          padding: 6px 9px;
        }
        .prose pre code { background: none; padding: 0; font-size: inherit; }
        .prose blockquote {
          margin-left: 0; padding: 0 0 0 1em; color: #555; border-left: 3px solid #d0d0d0;
        }
        .prose hr { border: 0; border-top: 1px solid var(--border); margin: 1.5em 0; }
        .prose img { max-width: 100%; }
        .prose table {
          display: block; max-width: 100%; overflow-x: auto; width: max-content;
          border-collapse: collapse; font-size: 0.9em; font-variant-numeric: tabular-nums;
        }
        .prose th, .prose td { padding: 5px 12px; border: none; text-align: left; }
        .prose th { font-weight: 600; border-bottom: 1px solid #616161; }
        .prose tbody tr:nth-child(odd) { background: #f5f5f5; }
        .prose th[align="right"], .prose td[align="right"] { text-align: right; }
        .prose th[align="center"], .prose td[align="center"] { text-align: center; }
        .prose del { color: #757575; }

        /* Highlighted Python: JupyterLab's light editor colours, Pygments class names. */
        .editor .k { color: #008000; font-weight: 700; }
        .editor .kc { color: #008000; font-weight: 700; }
        .editor .nb { color: #008000; }
        .editor .nf { color: #0000ff; }
        .editor .s { color: #ba2121; }
        .editor .si { color: #a45a77; font-weight: 700; }
        .editor .m { color: #008800; }
        .editor .c { color: #3d7b7b; font-style: italic; }
        .editor .o { color: #aa22ff; font-weight: 700; }
        .editor .p { color: #0055aa; }

        /* Phones: prompts above their boxes, boxes scroll sideways, the page never does. */
        @media (max-width: 640px) {
          body { font-size: 15px; }
          .notebook { padding: 16px 12px 48px; }
          .report-header { margin-left: 0; padding-left: 0; }
          .report-title { font-size: 1.55em; }
          .input, .output { flex-direction: column; align-items: stretch; }
          .prompt {
            flex: none; width: auto; text-align: left; padding: 0 0 2px; font-size: 12px;
          }
          .output .prompt:empty { display: none; }
          .cell-time { display: inline; margin: 0 0 0 0.8em; }
          .report-facts { gap: 2px 1em; }
          .report-facts span + span::before { content: none; }
          .prose { margin-left: 0; padding-left: 0; }
          .output-body > pre, .table-caption, pre.table-footer { padding-left: 8px; }
          .table-wrap, figure { padding-left: 0; }
          /* Two panels shrunk to a phone's width are unreadable: keep them legible, scroll. */
          figure.chart { overflow-x: auto; }
          figure.chart svg { min-width: 540px; }
          .cell { margin-bottom: 16px; }
        }

        /* Print: no ink-wasting backgrounds, text wraps instead of scrolling, cells kept whole. */
        @media print {
          @page { margin: 16mm 14mm; }
          body { font-size: 10.5pt; }
          .notebook { max-width: none; padding: 0; }
          .editor { background: none; border-color: #bdbdbd; }
          .output-error .output-body { background: none; }
          .prose tbody tr:nth-child(odd), table.summary tbody tr:nth-child(odd) { background: none; }
          .prose code, .prose pre { background: none; }
          pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
          .table-wrap, .prose table { overflow: visible; }
          .cell, figure, table, .report-header { break-inside: avoid; }
          .prose h1, .prose h2, .prose h3, .prose h4 { break-after: avoid; }
          .prose a { color: inherit; }
        }

        """
}

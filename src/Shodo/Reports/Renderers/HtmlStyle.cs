using System.Security.Cryptography;
using System.Text;

namespace Shodo.Reports.Renderers;

/// <summary>
/// The report's only style sheet, inline (no fonts or images are fetched), with print styles; the
/// Content-Security-Policy allows exactly this sheet by its hash and nothing else: no script, no
/// request of any kind.
/// </summary>
public static class HtmlStyle
{
    public const string Css = """

        :root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --alert: #b42318; --soft: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1200px; padding: 24px; color: var(--ink); background: #fff;
          font: 14px/1.55 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "IPAGothic", sans-serif; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
        h3 { font-size: 15px; margin: 20px 0 8px; }
        .subtitle { color: var(--muted); margin: 0; }
        nav ol { columns: 2; padding-left: 20px; color: var(--muted); }
        nav a { color: var(--accent); text-decoration: none; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
        th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: var(--soft); font-weight: 600; }
        td.num { text-align: right; white-space: nowrap; }
        tr.em td { background: #fff1f0; font-weight: 600; }
        pre { background: var(--soft); border: 1px solid var(--line); padding: 10px; white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
        .label { font-weight: 600; }
        ul.decisions li { margin: 4px 0; }
        .chart { width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
        .chart .lane-label { font-size: 11px; fill: var(--ink); }
        .chart .lane-label.resp { font-weight: 700; fill: var(--accent); }
        .chart .tick { font-size: 10px; fill: var(--muted); }
        .chart .grid { stroke: #eaeef2; stroke-width: 1; }
        .chart .lane { fill: #fafbfc; }
        .chart .pt { fill: var(--alert); fill-opacity: 0.8; }
        .chart .pt.resp { fill: var(--accent); }
        .chart .pt.fail { fill: #fff; stroke: var(--alert); stroke-width: 1.5; }
        .chart .axis { font-size: 11px; fill: var(--muted); }
        footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav { display: none; }
          h2 { break-after: avoid; }
          table { font-size: 8.5pt; }
          tr, .chart, pre { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }

        """;

    /// <summary>The CSP source for <see cref="Css"/>: <c>'sha256-…'</c> of its exact text.</summary>
    public static string Hash { get; } = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";

    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src {Hash}; img-src 'none'; font-src 'none'; script-src 'none'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";
}

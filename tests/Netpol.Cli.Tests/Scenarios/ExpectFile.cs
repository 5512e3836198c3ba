using Netpol.Core.Engine;

namespace Netpol.Cli.Tests.Scenarios;

/// <summary>A parsed expect.txt: external endpoints and one truth table per probe (see tests/Scenarios/README.md).</summary>
internal sealed record ExpectFile(IReadOnlyList<string> Externals, IReadOnlyList<ExpectTable> Tables)
{
    public static ExpectFile Parse(string text)
    {
        var externals = new List<string>();
        var tables = new List<ExpectTable>();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("external ", StringComparison.Ordinal))
            {
                externals.Add(line["external ".Length..].Trim());
                continue;
            }

            if (!line.StartsWith("probe ", StringComparison.Ordinal))
            {
                continue;
            }

            var spec = line["probe ".Length..].Trim().Split('/');
            var probe = new Probe(int.Parse(spec[0]), CommonOptions.ParseProtocol(spec[1]));
            var header = lines[++i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var rows = new List<(string From, string[] Marks)>();
            while (i + 1 < lines.Count && lines[i + 1].Trim().Length > 0 && !lines[i + 1].TrimStart().StartsWith('#') && !lines[i + 1].TrimStart().StartsWith("probe ", StringComparison.Ordinal))
            {
                var parts = lines[++i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != header.Length + 1)
                {
                    throw new FormatException($"row '{lines[i]}' has {parts.Length - 1} marks for {header.Length} columns");
                }

                rows.Add((parts[0], parts[1..]));
            }

            tables.Add(new ExpectTable(probe, header, rows));
        }

        return new ExpectFile(externals, tables);
    }
}

/// <summary>One expected truth table.</summary>
internal sealed record ExpectTable(Probe Probe, IReadOnlyList<string> Columns, IReadOnlyList<(string From, string[] Marks)> Rows);

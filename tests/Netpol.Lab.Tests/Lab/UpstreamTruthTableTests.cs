using System.Text.Json;
using Netpol.Cli.Tests;

namespace Netpol.Lab.Tests.Lab;

/// <summary>
/// The upstream e2e truth tables (tests/Scenarios/upstream-e2e, 9 pods x/a..z/c) replayed on the kernel: every
/// cell the lab can probe must be what upstream expects, not only what the engine says.
/// </summary>
[Collection("lab")]
public sealed class UpstreamTruthTableTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "upstream-e2e")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [LabTheory]
    [MemberData(nameof(Fixtures))]
    public void Kernel_matches_the_upstream_truth_table(string fixture)
    {
        var dir = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "upstream-e2e", fixture);
        var tables = Parse(File.ReadAllLines(Path.Combine(dir, "expect.txt")));
        var args = new List<string> { "lab", "run", "-f", Path.Combine(dir, "manifests.yaml"), "-o", "json", "--timeout", "500" };
        foreach (var probe in tables.Keys)
        {
            args.Add("--port");
            args.Add(probe);
        }

        var (_, output, error) = CliRunner.Run([.. args]);
        Assert.False(string.IsNullOrEmpty(output), error);
        using var doc = JsonDocument.Parse(output);
        var wrong = new List<string>();
        var checkedCells = 0;
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
        {
            var probe = $"{cell.GetProperty("port").GetInt32()}/{cell.GetProperty("protocol").GetString()}";
            var from = cell.GetProperty("from").GetString()!;
            var to = cell.GetProperty("to").GetString()!;
            if (cell.GetProperty("allowed").ValueKind == JsonValueKind.Null)
            {
                Assert.EndsWith("/SCTP", probe, StringComparison.Ordinal);
                continue;
            }

            var expected = tables[probe][(from, to)];
            checkedCells++;
            if (cell.GetProperty("allowed").GetBoolean() != expected)
            {
                wrong.Add($"{from} -> {to} on {probe}: upstream {(expected ? "allowed" : "denied")}, kernel {(expected ? "denied" : "allowed")}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(checkedCells > 0 || tables.Keys.All(k => k.EndsWith("/SCTP", StringComparison.Ordinal)));
    }

    /// <summary>Reads <c>probe 80/TCP</c> blocks: a header of destinations, then one row per source of . and X.</summary>
    private static Dictionary<string, Dictionary<(string, string), bool>> Parse(string[] lines)
    {
        var tables = new Dictionary<string, Dictionary<(string, string), bool>>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("probe ", StringComparison.Ordinal))
            {
                continue;
            }

            var table = new Dictionary<(string, string), bool>();
            tables[lines[i][6..].Trim()] = table;
            var columns = lines[++i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            while (++i < lines.Length && lines[i].Trim().Length > 0 && !lines[i].StartsWith("probe ", StringComparison.Ordinal))
            {
                var cells = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (var c = 0; c < columns.Length; c++)
                {
                    table[(cells[0], columns[c])] = cells[c + 1] == ".";
                }
            }

            i--;
        }

        return tables;
    }
}

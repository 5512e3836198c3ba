using System.Text.Json;

namespace Netpol.Cli.Tests.Scenarios;

/// <summary>
/// Every scenario under tests/Scenarios (the bundled examples, the upstream end-to-end truth tables) run through
/// <c>netpol matrix -o json</c> with both engines: every cell must match its expect.txt.
/// </summary>
public sealed class ScenarioTests
{
    public static TheoryData<string, string> Scenarios()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios");
        foreach (var dir in Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(dir, "expect.txt")))
            {
                continue;
            }

            foreach (var engine in new[] { "fast", "reference" })
            {
                data.Add(Path.GetRelativePath(root, dir), engine);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Matrix_matches_the_expected_truth_tables(string scenario, string engine)
    {
        // Given
        var root = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios");
        var dir = Path.Combine(root, scenario);
        var expect = ExpectFile.Parse(File.ReadAllText(Path.Combine(dir, "expect.txt")));
        var manifests = Path.Combine(dir, "manifests.yaml");
        var source = File.Exists(manifests) ? manifests : $"example:{Path.GetFileName(dir)}";
        var args = new List<string> { "matrix", "-f", source, "-o", "json", "--engine", engine };
        foreach (var t in expect.Tables)
        {
            args.AddRange(["--port", t.Probe.ToString()]);
        }

        foreach (var e in expect.Externals)
        {
            args.AddRange(["--external", e]);
        }

        // When
        var (exit, output, error) = CliRunner.Run([.. args]);

        // Then
        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var json = JsonDocument.Parse(output);
        var cells = new Dictionary<(string, string, int, string), bool>();
        foreach (var c in json.RootElement.GetProperty("cells").EnumerateArray())
        {
            cells[(c.GetProperty("from").GetString()!, c.GetProperty("to").GetString()!, c.GetProperty("port").GetInt32(), c.GetProperty("protocol").GetString()!)] = c.GetProperty("allowed").GetBoolean();
        }

        var wrong = new List<string>();
        foreach (var t in expect.Tables)
        {
            foreach (var (from, marks) in t.Rows)
            {
                for (var i = 0; i < marks.Length; i++)
                {
                    var to = t.Columns[i];
                    var key = (from, to, t.Probe.Port, t.Probe.Protocol.ToString());
                    if (!cells.TryGetValue(key, out var allowed))
                    {
                        wrong.Add($"{from} -> {to} on {t.Probe}: no such cell in netpol's output");
                        continue;
                    }

                    var expected = marks[i] == ".";
                    if (allowed != expected)
                    {
                        wrong.Add($"{from} -> {to} on {t.Probe}: expected {(expected ? "allowed" : "denied")}, netpol says {(allowed ? "allowed" : "denied")}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} cells differ:\n" + string.Join("\n", wrong));
    }
}

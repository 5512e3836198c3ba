namespace Netpol.Cli.Tests.Scenarios;

/// <summary>
/// <c>netpol audit</c> on bundled examples with hand-written flow logs (tests/Scenarios/examples/NAME/flows.jsonl,
/// a Hubble export, and flows.csv), pinned byte for byte in expected/audit.txt, audit.json and audit-csv.txt.
/// </summary>
public sealed class AuditGoldenTests
{
    public static TheoryData<string> Examples() => new("three-tier-app", "external-egress-with-dns");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Audit_text_of_a_hubble_export_matches_the_golden_file(string example)
    {
        var (exit, output, error) = CliRunner.Run("audit", "-f", $"example:{example}", "--flows", Flows(example, "flows.jsonl"));

        Assert.True(exit == 1, error);
        Assert.Empty(error);
        Golden.Assert($"examples/{example}/expected/audit.txt", output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Audit_json_of_a_hubble_export_matches_the_golden_file(string example)
    {
        var (exit, output, error) = CliRunner.Run("audit", "-f", $"example:{example}", "--flows", Flows(example, "flows.jsonl"), "-o", "json");

        Assert.True(exit == 1, error);
        Golden.Assert($"examples/{example}/expected/audit.json", output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Audit_text_of_a_csv_log_matches_the_golden_file(string example)
    {
        var (exit, output, error) = CliRunner.Run("audit", "-f", $"example:{example}", "--flows", Flows(example, "flows.csv"));

        Assert.True(exit == 1, error);
        Golden.Assert($"examples/{example}/expected/audit-csv.txt", output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_hubble_export_and_the_csv_log_of_an_example_agree(string example)
    {
        // The CSV is the Hubble export summed by workload: the same verdicts, counts and rules.
        var hubble = CliRunner.Run("audit", "-f", $"example:{example}", "--flows", Flows(example, "flows.jsonl")).Out;
        var csv = CliRunner.Run("audit", "-f", $"example:{example}", "--flows", Flows(example, "flows.csv")).Out;

        Assert.Equal(Section(hubble, "Flows each rule admitted:"), Section(csv, "Flows each rule admitted:"));
        Assert.Equal(Headers(hubble), Headers(csv));
    }

    [Theory]
    [InlineData("text", "txt")]
    [InlineData("json", "json")]
    public void Audit_of_the_admin_guardrails_with_tiers_matches_the_golden_file(string format, string extension)
    {
        // A CSV log of example:admin-guardrails: flows decided by each tier, denials by an Admin Deny, a Baseline Deny
        // and NetworkPolicy isolation, and a Baseline Accept no flow used.
        var (exit, output, error) = CliRunner.Run("audit", "-f", "example:admin-guardrails", "--flows", Flows("admin-guardrails", "flows.csv"), "-o", format);

        Assert.True(exit == 1, error);
        Assert.Empty(error);
        Golden.Assert($"examples/admin-guardrails/expected/audit-csv.{extension}", output);
    }

    private static string Flows(string example, string file) =>
        Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples", example, file);

    private static string Section(string output, string title)
    {
        var start = output.IndexOf(title, StringComparison.Ordinal);
        var end = output.IndexOf("\n\n", start, StringComparison.Ordinal);
        return output[start..end];
    }

    // The denied groups without their times and pair counts (a Hubble export has both, the CSV neither).
    private static List<string> Headers(string output) =>
        output.Split('\n').Where(l => l.Length > 0 && char.IsAsciiDigit(l[0]) && l.Contains(" -> ", StringComparison.Ordinal))
            .Select(l => l[..l.IndexOf(" (", StringComparison.Ordinal)])
            .ToList();
}

namespace Netpol.Cli.Tests.Commands;

/// <summary>
/// netpol generate, and the round trip the rollout relies on: generate from a flow log, then the output validates,
/// is lint-clean at warning level, allows every observed flow when audited, passes its own test spec, and diffs
/// against the original policies.
/// </summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("netpol-generate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> FlowLogs() => new()
    {
        { "three-tier-app", "flows.jsonl" },
        { "three-tier-app", "flows.csv" },
        { "external-egress-with-dns", "flows.jsonl" },
        { "external-egress-with-dns", "flows.csv" },
    };

    [Theory]
    [MemberData(nameof(FlowLogs))]
    public void Generated_policies_validate_pass_lint_allow_every_observed_flow_and_diff_against_the_originals(string example, string log)
    {
        var flows = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples", example, log);
        var workloads = WorkloadsOnly(example);
        var policies = Path.Combine(_dir, "generated.yaml");
        var tests = Path.Combine(_dir, "generated-tests.yaml");

        // Given policies generated from the cluster and its flows
        var generate = CliRunner.Run("generate", "-f", $"example:{example}", "--flows", flows, "--tests", tests);
        Assert.Equal(0, generate.Exit);
        File.WriteAllText(policies, generate.Out);

        // Then they are valid
        var validate = CliRunner.Run("validate", "-f", policies);
        Assert.True(validate.Exit == 0, validate.Error);

        // and lint-clean at warning level, beside the workloads without their original policies
        var lint = CliRunner.Run("lint", "-f", workloads, "-f", policies, "--fail-on", "warning");
        Assert.True(lint.Exit == 0, lint.Out);

        // and every observed flow is allowed
        var audit = CliRunner.Run("audit", "-f", workloads, "-f", policies, "--flows", flows);
        Assert.True(audit.Exit == 0, audit.Out);
        Assert.Contains(", 0 would be denied", audit.Out, StringComparison.Ordinal);

        // and the test spec written beside them passes
        var test = CliRunner.Run("test", "-f", workloads, "-f", policies, tests);
        Assert.True(test.Exit == 0, test.Out + test.Error);

        // and the diff against the original policies lists the policies that changed
        var diff = CliRunner.Run("diff", "--base", $"example:{example}", "--head", workloads, "--head", policies);
        Assert.Contains(diff.Exit, (int[])[0, 1]);
        Assert.Contains("added policy: ", diff.Out, StringComparison.Ordinal);
        Assert.Contains("default-deny", diff.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_yaml_for_the_three_tier_flows_matches_the_golden_file()
    {
        var flows = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples", "three-tier-app", "flows.jsonl");

        var (exit, output, error) = CliRunner.Run("generate", "-f", "example:three-tier-app", "--flows", flows);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Golden.Assert("examples/three-tier-app/expected/generate.yaml", output);
    }

    [Fact]
    public void External_addresses_are_aggregated_with_cidr_prefix()
    {
        var flows = Path.Combine(_dir, "flows.csv");
        File.WriteAllText(flows, "src,dst,port,protocol\nbilling/deploy/invoicer,198.51.100.20,443,TCP\nbilling/deploy/invoicer,198.51.100.77,443,TCP\n");

        var exact = CliRunner.Run("generate", "-f", "example:external-egress-with-dns", "--flows", flows);
        var wide = CliRunner.Run("generate", "-f", "example:external-egress-with-dns", "--flows", flows, "--cidr-prefix", "24");

        Assert.Contains("cidr: 198.51.100.20/32", exact.Out, StringComparison.Ordinal);
        Assert.Contains("cidr: 198.51.100.77/32", exact.Out, StringComparison.Ordinal);
        Assert.Contains("cidr: 198.51.100.0/24", wide.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("/32", wide.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Flows_whose_ends_match_nothing_are_left_out_with_a_note()
    {
        var flows = Path.Combine(_dir, "flows.csv");
        File.WriteAllText(flows, "billing/deploy/invoicer,198.51.100.20,443,TCP,4\nbilling/ghost,billing/deploy/invoicer,8080,TCP,2\n");

        var (exit, output, _) = CliRunner.Run("generate", "-f", "example:external-egress-with-dns", "--flows", flows);

        Assert.Equal(0, exit);
        Assert.Contains("# note: 2 flow(s) with billing/ghost, which matches nothing in the manifests, were left out", output, StringComparison.Ordinal);
        Assert.DoesNotContain("name: invoicer-ingress", output, StringComparison.Ordinal);
        Assert.Contains("name: invoicer-egress", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_flow_lines_and_options_exit_2()
    {
        var flows = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(flows, "billing/deploy/invoicer,198.51.100.20,99999,TCP\n");

        var badLine = CliRunner.Run("generate", "-f", "example:external-egress-with-dns", "--flows", flows);
        var badPrefix = CliRunner.Run("generate", "-f", "example:external-egress-with-dns", "--flows", flows, "--cidr-prefix", "0");

        Assert.Equal(2, badLine.Exit);
        Assert.Contains($"{flows}:1:", badLine.Error, StringComparison.Ordinal);
        Assert.Equal(2, badPrefix.Exit);
        Assert.Contains("--cidr-prefix", badPrefix.Error, StringComparison.Ordinal);
    }

    // The example without its NetworkPolicies: what the generated policies replace.
    private string WorkloadsOnly(string example)
    {
        var text = File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), "examples", $"{example}.yaml")).ReplaceLineEndings("\n");
        var kept = text.Split("\n---\n").Where(d => !d.Contains("kind: NetworkPolicy", StringComparison.Ordinal));
        var path = Path.Combine(_dir, "workloads.yaml");
        File.WriteAllText(path, string.Join("\n---\n", kept) + "\n");
        return path;
    }
}

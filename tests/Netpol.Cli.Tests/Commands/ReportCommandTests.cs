using Netpol.Rendering.Html;

namespace Netpol.Cli.Tests.Commands;

/// <summary><c>netpol report --cni</c>: one profile draws the cluster as that plugin enforces it; <c>all</c> is refused.</summary>
public sealed class ReportCommandTests
{
    private const string Example = "example:admin-guardrails";

    [Fact]
    public void Cni_all_is_refused_with_exit_2_naming_what_to_do_instead()
    {
        var (exit, output, error) = CliRunner.Run("report", "-f", Example, "-o", "-", "--cni", "all");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--cni all: a report draws the cluster as one network plugin enforces it", error, StringComparison.Ordinal);
        Assert.Contains("netpol matrix --cni all", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_profile_exits_2_with_the_nearest_name()
    {
        var (exit, _, error) = CliRunner.Run("report", "-f", Example, "-o", "-", "--cni", "calcio");

        Assert.Equal(2, exit);
        Assert.Contains("did you mean \"calico\"?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_profile_puts_the_plugin_and_the_policies_it_ignores_into_the_page()
    {
        var (exit, output, error) = CliRunner.Run("report", "-f", Example, "-o", "-", "--cni", "cilium");

        if (!ReportHtmlRenderer.IsAvailable)
        {
            // A netpol built without the JavaScript bundle cannot write reports at all (docs/report.md).
            Assert.Equal(2, exit);
            Assert.Contains(ReportHtmlRenderer.MissingBundleMessage, error, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(0, exit);
        Assert.Contains("\"cni\":{\"name\":\"cilium\",\"title\":\"Cilium\",\"ignored\":[\"cnp/always-allow-monitoring\",\"cnp/deny-dev-to-prod\",\"cnp/delegate-prod-to-owners\",\"cnp/default-deny\"]}", output, StringComparison.Ordinal);
        Assert.Contains("\"clusterPolicies\":[{\"name\":\"cnp/always-allow-monitoring\",\"kind\":\"ClusterNetworkPolicy\",\"tier\":\"Admin\",\"priority\":5,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_cni_the_page_has_no_plugin_and_marks_flows_a_tier_denies()
    {
        var (exit, output, _) = CliRunner.Run("report", "-f", Example, "-o", "-");
        if (!ReportHtmlRenderer.IsAvailable)
        {
            Assert.Equal(2, exit);
            return;
        }

        Assert.Equal(0, exit);
        Assert.DoesNotContain("\"cni\":", output, StringComparison.Ordinal);
        Assert.Contains("\"tier\":\"Admin\",\"why\":\"DENIED: dev/deploy/client -\\u003E prod/deploy/web on 8080/TCP", output, StringComparison.Ordinal);
        Assert.Contains("{\"side\":\"ingress\",\"by\":\"admin\",\"allowed\":false,\"reference\":\"[Admin] cnp/deny-dev-to-prod ingress[0]\",\"action\":\"Deny\",\"ruleName\":\"no-dev-traffic\"}", output, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Sockets;
using Netpol.Analysis.Lint;
using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Tests.Lint;

/// <summary>The catch-all helper's address arithmetic, and how the coverage rules cap the severity of its notes.</summary>
public sealed class TierCatchAllTests
{
    [Theory]
    [InlineData("0.0.0.0/0", AddressFamily.InterNetwork, true)]
    [InlineData("0.0.0.0/1,128.0.0.0/1", AddressFamily.InterNetwork, true)]
    [InlineData("128.0.0.0/1,0.0.0.0/2,64.0.0.0/2", AddressFamily.InterNetwork, true)]
    [InlineData("0.0.0.0/1,128.0.0.0/2", AddressFamily.InterNetwork, false)]
    [InlineData("10.0.0.0/8", AddressFamily.InterNetwork, false)]
    [InlineData("0.0.0.0/0", AddressFamily.InterNetworkV6, false)]
    [InlineData("::/0", AddressFamily.InterNetworkV6, true)]
    [InlineData("::/1,8000::/1", AddressFamily.InterNetworkV6, true)]
    [InlineData("::/1", AddressFamily.InterNetworkV6, false)]
    public void Networks_cover_an_address_family_only_together_and_without_gaps(string networks, AddressFamily family, bool covers)
    {
        var list = networks.Split(',').Select(IPNetwork.Parse).ToList();

        Assert.Equal(covers, TierCatchAll.Covers(list, family));
    }

    [Fact]
    public void A_configured_severity_never_raises_a_note_about_a_pod_a_cluster_policy_protects()
    {
        // Given the admin-guardrails example, where cnp/default-deny protects prod/worker, and unprotected-pod set to error
        var cluster = Netpol.Manifests.Loading.ManifestLoader.Load(["example:admin-guardrails"]).Cluster;
        var options = new LintOptions { Config = LintConfig.Default with { Severities = new Dictionary<string, Severity> { ["unprotected-pod"] = Severity.Error } } };

        // When
        var result = LintAnalysis.Run(cluster, options);

        // Then
        var finding = Assert.Single(result.Findings, f => f.Rule == "unprotected-pod");
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("protected only by cnp/default-deny", finding.Message, StringComparison.Ordinal);
    }
}

using System.Net;

namespace Netpol.Analysis.Lint;

/// <summary>What lint needs beyond the manifests: its configuration and facts about the cluster they run in.</summary>
public sealed record LintOptions
{
    /// <summary>The default cluster DNS service address (kubeadm's), assumed when the manifests contain no DNS pods.</summary>
    public static readonly IPAddress DefaultDnsIP = IPAddress.Parse("10.96.0.10");

    /// <summary>Rules to run, severities and exclusions.</summary>
    public LintConfig Config { get; init; } = LintConfig.Default;

    /// <summary>Cluster DNS addresses assumed when the manifests contain no DNS pods (<c>--dns-ip</c>).</summary>
    public IReadOnlyList<IPAddress> DnsIPs { get; init; } = [DefaultDnsIP];

    /// <summary>The cluster's pod address ranges (<c>--pod-cidr</c>): ipBlocks overlapping them cover pods.</summary>
    public IReadOnlyList<IPNetwork> PodCidrs { get; init; } = [];
}

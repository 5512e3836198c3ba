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

    /// <summary>
    /// The network plugin profiles <c>cni-dependent</c> considers (<c>--cni</c>): every profile unless one was named.
    /// </summary>
    public IReadOnlyList<Netpol.Core.Profiles.CniProfile> CniProfiles { get; init; } = Netpol.Core.Profiles.CniProfiles.All;

    /// <summary>
    /// True when a profile was named with <c>--cni</c>: <c>cni-dependent</c> then also reports what is only uncertain
    /// or version-dependent on it (named ports on OVN-Kubernetes, endPort on older Cilium), which would otherwise
    /// flag every named port and range.
    /// </summary>
    public bool CniNamed { get; init; }
}

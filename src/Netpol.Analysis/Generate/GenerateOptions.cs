using Netpol.Core.Profiles;

namespace Netpol.Analysis.Generate;

/// <summary>How <c>netpol generate</c> shapes its policies.</summary>
public sealed record GenerateOptions
{
    /// <summary>
    /// External addresses are aggregated to this IPv4 prefix length (<c>--cidr-prefix</c>, 32 by default: one
    /// address each); IPv6 addresses use <see cref="Ipv6Prefix"/>.
    /// </summary>
    public int CidrPrefix { get; init; } = 32;

    /// <summary>The IPv6 prefix length for external addresses.</summary>
    public int Ipv6Prefix { get; init; } = 128;

    /// <summary>
    /// The network plugin the policies are written for (<c>--cni NAME</c>): on a plugin that skips ipBlock peers in
    /// rules with named ports (aws-vpc), rules with address peers use port numbers; cluster policies the plugin
    /// ignores deny nothing; a plugin that enforces nothing gets a note. Portable by default.
    /// </summary>
    public CniProfile Cni { get; init; } = CniProfiles.Portable;

    /// <summary>Namespaces left without generated policies (the system namespaces by default).</summary>
    public IReadOnlySet<string> ExcludedNamespaces { get; init; } =
        new HashSet<string>(["kube-node-lease", "kube-public", "kube-system"], StringComparer.Ordinal);
}

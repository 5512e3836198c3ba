using System.Net;
using Netpol.Core.Model;

namespace Netpol.Analysis.Generate;

/// <summary>
/// A peer of a generated rule: pods by labels (with the namespace by its <c>kubernetes.io/metadata.name</c> when
/// it is not the policy's own), or an external range.
/// </summary>
public sealed record GeneratedPeer(LabelSelector? PodSelector, string? Namespace, IPNetwork? Cidr)
{
    /// <summary>A stable text for sorting and grouping.</summary>
    public string Key => Cidr is { } c ? $"~cidr {c}" : $"{Namespace ?? string.Empty}|{PodSelector}";
}

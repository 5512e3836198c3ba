using Netpol.Core.Model;

namespace Netpol.Analysis.Generate;

/// <summary>A proposed NetworkPolicy, with the description saying which flows it came from.</summary>
public sealed record GeneratedPolicy(
    string Namespace,
    string Name,
    string Description,
    LabelSelector PodSelector,
    IReadOnlyList<Direction> PolicyTypes,
    IReadOnlyList<GeneratedRule> Ingress,
    IReadOnlyList<GeneratedRule> Egress);

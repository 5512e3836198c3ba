using Netpol.Core.Model;

namespace Netpol.Analysis.Report;

/// <summary>A cluster network policy with rules for a direction whose subject selects some pod of a graph node.</summary>
/// <param name="Node">The graph node's id.</param>
/// <param name="Policy">The short name: <c>cnp/NAME</c>, <c>anp/NAME</c> or <c>banp/default</c>.</param>
/// <param name="Tier">Admin or Baseline.</param>
/// <param name="Priority">Its priority within the tier.</param>
/// <param name="Direction">The direction it has rules for.</param>
public sealed record GoverningPolicy(string Node, string Policy, ClusterPolicyTier Tier, int Priority, Direction Direction);

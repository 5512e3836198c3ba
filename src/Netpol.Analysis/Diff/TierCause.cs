using Netpol.Core.Model;

namespace Netpol.Analysis.Diff;

/// <summary>
/// A cluster network policy rule that decided one side of a changed connection, on base or head. For a lost
/// connection, a head rule denies it now (Deny) or a base rule allowed it before (Accept); for a gained connection,
/// the other way round. Rules are named as <c>netpol check</c> names them.
/// </summary>
/// <param name="Side"><c>base</c> or <c>head</c>: the side whose verdict the rule decided.</param>
/// <param name="Direction">The connection side it decided: the source's egress or the destination's ingress.</param>
/// <param name="Rule">The rule, as <c>netpol check</c> names it: <c>[Admin] cnp/deny-dev-to-prod ingress[0]</c>.</param>
/// <param name="Action">Accept or Deny.</param>
/// <param name="RuleName">The rule's name, when it has one.</param>
/// <param name="Ports">The changed ports the rule decided.</param>
public sealed record TierCause(string Side, Direction Direction, string Rule, ClusterRuleAction Action, string? RuleName, PortSet Ports)
{
    /// <summary>True when the rule allowed the connection on its side.</summary>
    public bool Allows => Action == ClusterRuleAction.Accept;
}

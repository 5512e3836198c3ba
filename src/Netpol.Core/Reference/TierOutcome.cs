using Netpol.Core.Model;

namespace Netpol.Core.Reference;

/// <summary>
/// What one tier of cluster network policies decided for one direction of one connection, port by port.
/// </summary>
/// <param name="Accepted">Ports an Accept rule decided.</param>
/// <param name="Undecided">Ports no Accept or Deny decided (including those a Pass rule sent on): the next tier decides them.</param>
/// <param name="DependsOnDns">
/// Ports that reached a rule with a <c>domainNames</c> peer while still undecided: that rule was treated as not
/// matching, but at run time the verdict on these ports depends on DNS.
/// </param>
public sealed record TierOutcome(PortSet Accepted, PortSet Undecided, PortSet DependsOnDns);

using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>
/// A rule of a policy selecting the described pod that admits addresses: an ipBlock peer, or a rule without
/// from/to (<see cref="Block"/> null), which admits every address.
/// </summary>
/// <param name="Policy">The policy's name (it is in the pod's namespace).</param>
/// <param name="Path">Where it is written: <c>spec.ingress[0].from[1]</c>, or <c>spec.ingress[0]</c> for a rule without peers.</param>
/// <param name="Block">The ipBlock (with its except ranges), or null for any address.</param>
/// <param name="Ports">
/// The ports the rule allows toward the destination: for ingress the described pod (named ports resolve against it);
/// for egress an address outside the cluster, which no named port matches.
/// </param>
public sealed record AddressRule(string Policy, string Path, IPBlock? Block, PortSet Ports);

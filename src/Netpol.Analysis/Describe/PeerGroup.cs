using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>Pods that share the same allowed ports toward (or from) the described pod, in cluster order.</summary>
/// <param name="Ports">The ports allowed, both directions' policies applied.</param>
/// <param name="Pods">The pods, <c>namespace/name</c>.</param>
public sealed record PeerGroup(PortSet Ports, IReadOnlyList<string> Pods);

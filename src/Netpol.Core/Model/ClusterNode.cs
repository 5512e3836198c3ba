using System.Net;

namespace Netpol.Core.Model;

/// <summary>A node: the <c>nodes</c> peers of ClusterNetworkPolicy egress rules select its addresses by its labels.</summary>
public sealed record ClusterNode(string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<IPAddress> Addresses, SourceLocation? Source = null);

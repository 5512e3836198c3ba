namespace Netpol.Core.Model;

/// <summary>
/// One entry of <c>from</c> or <c>to</c>. Cases:
/// podSelector alone: pods of the policy's namespace;
/// namespaceSelector alone: every pod of the matching namespaces;
/// both: pods matching the podSelector in namespaces matching the namespaceSelector (AND);
/// ipBlock: addresses in the block (external ones and pod IPs).
/// </summary>
public sealed record PolicyPeer(LabelSelector? PodSelector, LabelSelector? NamespaceSelector, IPBlock? IPBlock);

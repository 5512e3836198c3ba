using Netpol.Core.Model;
using Netpol.Manifests.Flows;

namespace Netpol.Analysis.Audit;

/// <summary>What makes two observed flows the same for the audit: both ends as described, the port and protocol.</summary>
internal readonly record struct FlowKey(FlowEndpoint Source, FlowEndpoint Destination, int Port, Protocol Protocol);

namespace Netpol.Manifests.Flows;

/// <summary>What one line of a Hubble export turned out to be.</summary>
internal enum HubbleLine
{
    Flow,
    Reply,
    NonL4,
    NotFlow,
    Error,
}

namespace Netpol.Rendering.Text;

/// <summary>
/// The note matrix and graph print for two cluster network policies whose order the API leaves undefined (one
/// sentence from the analysis per pair), saying which order netpol applied and where both outcomes are shown.
/// </summary>
internal static class UndefinedOrderText
{
    /// <summary>What netpol does about it, appended to the analysis' sentence.</summary>
    public const string Applied = "netpol applies kind, then name; netpol check shows both outcomes";

    /// <summary>The plain-text note: <c>note: undefined order: SENTENCE (netpol applies ...)</c>.</summary>
    public static string Note(string sentence) => $"note: undefined order: {sentence} ({Applied})";
}

using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Manifests.Flows;

/// <summary>The codes and the text of every flow log error, in one place.</summary>
internal static class FlowDiagnostics
{
    public const string JsonCode = "flow-json";
    public const string FieldCode = "flow-field";
    public const string CsvFieldsCode = "flow-csv-fields";
    public const string CsvEndpointCode = "flow-csv-endpoint";
    public const string CsvPortCode = "flow-csv-port";
    public const string CsvProtocolCode = "flow-csv-protocol";
    public const string CsvCountCode = "flow-csv-count";

    public static Diagnostic MalformedJson(string file, int line, int column, string detail) =>
        Error(JsonCode, file, line, column, $"not valid JSON: {detail}");

    public static Diagnostic NotAnObject(string file, int line) =>
        Error(JsonCode, file, line, 1, "expected one JSON object per line, as `hubble observe -o json` prints");

    public static Diagnostic TrailingValue(string file, int line, int column) =>
        Error(JsonCode, file, line, column, "more than one JSON value on the line: expected one JSON object per line");

    public static Diagnostic BadField(string file, int line, int column, string path, string expected) =>
        Error(FieldCode, file, line, column, $"{path}: {expected}");

    public static Diagnostic CsvFieldCount(string file, int line, int column, int count) =>
        Error(CsvFieldsCode, file, line, column, $"expected src,dst,port,protocol[,count]: found {count} field{(count == 1 ? string.Empty : "s")}");

    public static Diagnostic CsvEndpoint(string file, int line, int column, string column0, string text, string why) =>
        Error(CsvEndpointCode, file, line, column, $"{column0} \"{text}\": {why}");

    public static Diagnostic CsvPort(string file, int line, int column, string text) =>
        Error(CsvPortCode, file, line, column, $"port \"{text}\": a port is a number from 1 to 65535");

    public static Diagnostic CsvProtocol(string file, int line, int column, string text) =>
        Error(CsvProtocolCode, file, line, column, $"protocol \"{text}\": use TCP, UDP or SCTP");

    public static Diagnostic CsvCount(string file, int line, int column, string text) =>
        Error(CsvCountCode, file, line, column, $"count \"{text}\": a count is a whole number of at least 1");

    private static Diagnostic Error(string code, string file, int line, int column, string message) =>
        new(Severity.Error, code, new SourceLocation(file, line, column), null, null, message);
}

using System.Globalization;

namespace Netpol.Manifests.Parsing;

/// <summary>
/// Resolves the type of a plain (unquoted) YAML scalar by the YAML 1.2 core schema, so that <c>version: 1</c> or
/// <c>enabled: true</c> in a label is reported as the non-string the API server would refuse. YAML 1.1's extra
/// booleans (<c>yes</c>, <c>on</c>, <c>y</c>, ...) are marked so a warning can say to quote them.
/// </summary>
internal static class ScalarResolver
{
    private static readonly HashSet<string> Nulls = new(StringComparer.Ordinal) { "", "~", "null", "Null", "NULL" };

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal)
    {
        "true", "True", "TRUE", "false", "False", "FALSE",
    };

    private static readonly HashSet<string> Yaml11Booleans = new(StringComparer.Ordinal)
    {
        "yes", "Yes", "YES", "no", "No", "NO",
        "on", "On", "ON", "off", "Off", "OFF",
        "y", "Y", "n", "N",
    };

    public static ScalarKind Resolve(string plain)
    {
        if (Nulls.Contains(plain))
        {
            return ScalarKind.Null;
        }

        if (Booleans.Contains(plain))
        {
            return ScalarKind.Boolean;
        }

        if (Yaml11Booleans.Contains(plain))
        {
            return ScalarKind.Yaml11Boolean;
        }

        if (IsInteger(plain))
        {
            return ScalarKind.Integer;
        }

        if (IsFloat(plain))
        {
            return ScalarKind.Float;
        }

        return ScalarKind.String;
    }

    /// <summary>Parses an integer scalar (decimal, 0x hex, 0o or leading-zero octal, 0b binary, underscores).</summary>
    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 0)
        {
            return false;
        }

        bool ok;
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ok = long.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (s.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            ok = TryParseBase(s[2..], 2, out value);
        }
        else if (s.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            ok = TryParseBase(s[2..], 8, out value);
        }
        else if (s.Length > 1 && s[0] == '0')
        {
            ok = TryParseBase(s[1..], 8, out value);
        }
        else
        {
            ok = s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (ok && negative)
        {
            value = -value;
        }

        return ok;
    }

    private static bool IsInteger(string s) => s.Length > 0 && (char.IsAsciiDigit(s[0]) || s[0] is '-' or '+') && TryParseInteger(s, out _);

    private static bool IsFloat(string s)
    {
        if (s is ".inf" or ".Inf" or ".INF" or "-.inf" or "+.inf" or ".nan" or ".NaN" or ".NAN")
        {
            return true;
        }

        var i = 0;
        if (i < s.Length && s[i] is '-' or '+')
        {
            i++;
        }

        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '-' or '+')
            {
                i++;
            }

            var exp = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                exp++;
            }

            if (exp == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static bool TryParseBase(string digits, int radix, out long value)
    {
        value = 0;
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var d = c - '0';
            if (d < 0 || d >= radix)
            {
                return false;
            }

            value = checked((value * radix) + d);
        }

        return true;
    }
}

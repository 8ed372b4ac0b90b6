using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>Checks one written entry and, when it is sound, builds the <see cref="JurisdictionEntry"/>.
/// Error keys are the entry's own field names (camelCase, as in the file).</summary>
public static class JurisdictionEntryValidation
{
    public const int OldestMinimumAge = 120;

    public static FieldErrors Validate(
        JurisdictionEntryDocument document,
        IReadOnlyDictionary<string, Source> sources,
        out JurisdictionEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sources);
        var errors = new FieldErrors();
        entry = null;

        if (string.IsNullOrWhiteSpace(document.Id))
        {
            errors.Add("id", "Required.");
        }

        if (!JurisdictionCodes.IsCountry(document.Country))
        {
            errors.Add("country", "Required: an ISO 3166-1 alpha-2 code in capitals, e.g. US or TH.");
        }

        if (document.Subdivision is { } subdivision)
        {
            if (!JurisdictionCodes.IsSubdivision(subdivision))
            {
                errors.Add("subdivision", "Must be an ISO 3166-2 code in capitals, e.g. US-AL.");
            }
            else if (document.Country is { } country && !JurisdictionCodes.SubdivisionIsIn(subdivision, country))
            {
                errors.Add("subdivision", $"Must start with the entry's country code '{country}-'.");
            }
        }

        if (document.Locality is { } locality)
        {
            if (string.IsNullOrWhiteSpace(locality))
            {
                errors.Add("locality", "Must not be blank; leave it out for a country or subdivision entry.");
            }
            else if (document.Subdivision is null)
            {
                // Place names repeat across states (Springfield); a locality is only unambiguous inside one.
                errors.Add("locality", "A locality needs its subdivision.");
            }
        }

        var status = LegalStatus.Unknown;
        if (!TryParseName(document.Status, out status) || status == LegalStatus.Unknown)
        {
            errors.Add("status", "Required: LegalUnregulated, Regulated, SevenOhRestricted or Banned.");
        }

        if (string.IsNullOrWhiteSpace(document.StatusText))
        {
            errors.Add("statusText", "Required: the status in the source's own words.");
        }

        if (string.IsNullOrWhiteSpace(document.Effective))
        {
            errors.Add("effective", "Required: yyyy-MM-dd, yyyy-MM or yyyy, or 'unconfirmed' when the source gives no date.");
        }
        else if (!EffectiveDate.TryParse(document.Effective, out var parsed))
        {
            errors.Add("effective", "Must be yyyy-MM-dd, yyyy-MM, yyyy or 'unconfirmed'.");
        }
        else if (parsed.Precision == DatePrecision.Unconfirmed && document.Verified == true)
        {
            errors.Add("effective", "A verified entry needs a confirmed effective date.");
        }

        DateOnly? endsOn = null;
        if (document.EndsOn is not null)
        {
            if (!TryParseDay(document.EndsOn, out var end))
            {
                errors.Add("endsOn", "Must be yyyy-MM-dd.");
            }
            else if (EffectiveDate.TryParse(document.Effective, out var start) && start.FirstDay is { } first && end < first)
            {
                errors.Add("endsOn", "Must not be before the effective date.");
            }
            else
            {
                endsOn = end;
            }
        }

        if (document.MinimumAge is { } age && (age < 1 || age > OldestMinimumAge))
        {
            errors.Add("minimumAge", $"Must be between 1 and {OldestMinimumAge} years.");
        }

        var limit = ValidateLimit(document.SevenOhLimit, errors);

        var conditions = new List<SaleCondition>();
        foreach (var (text, index) in (document.Conditions ?? []).Select((c, i) => (c, i)))
        {
            if (TryParseName<SaleCondition>(text, out var condition))
            {
                conditions.Add(condition);
            }
            else
            {
                errors.Add($"conditions[{index}]", $"Unknown condition '{text}'.");
            }
        }

        var entrySources = new List<Source>();
        if (document.Sources is not { Count: > 0 })
        {
            errors.Add("sources", "At least one source is required.");
        }
        else
        {
            foreach (var (id, index) in document.Sources.Select((s, i) => (s, i)))
            {
                if (id is not null && sources.TryGetValue(id, out var source))
                {
                    entrySources.Add(source);
                }
                else
                {
                    errors.Add($"sources[{index}]", $"Source '{id}' is not in the file's source list.");
                }
            }
        }

        if (!TryParseDay(document.LastVerified, out var lastVerified))
        {
            errors.Add("lastVerified", "Required: yyyy-MM-dd.");
        }

        if (document.Verified is null)
        {
            errors.Add("verified", "Required: true only when the entry was checked against the statute or rule text itself.");
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        EffectiveDate.TryParse(document.Effective, out var effective);
        entry = new JurisdictionEntry
        {
            Id = document.Id!.Trim(),
            Country = document.Country!,
            Subdivision = document.Subdivision,
            Locality = document.Locality?.Trim(),
            Status = status,
            StatusText = document.StatusText!.Trim(),
            Effective = effective,
            EndsOn = endsOn,
            MinimumAge = document.MinimumAge,
            SevenOhLimit = limit,
            Conditions = conditions,
            ConditionsText = document.ConditionsText,
            Sources = entrySources,
            LastVerified = lastVerified,
            Verified = document.Verified!.Value,
            ConsistentSecondarySources = document.ConsistentSecondarySources ?? false,
            Note = document.Note,
        };
        return errors;
    }

    private static SevenOhLimit? ValidateLimit(SevenOhLimitDocument? document, FieldErrors errors)
    {
        if (document is null)
        {
            return null;
        }

        var valid = true;
        if (document.Percent is not { } percent || percent <= 0m || percent > 100m)
        {
            errors.Add("sevenOhLimit.percent", "Required: a percentage above 0 and at most 100.");
            valid = false;
        }

        if (!TryParseName<SevenOhBasis>(document.Basis, out var basis))
        {
            errors.Add("sevenOhLimit.basis", "Required: ShareOfAlkaloids, ShareOfWeight, ShareOfDryWeight or Unstated.");
            valid = false;
        }

        if (document.Inclusive is null)
        {
            errors.Add("sevenOhLimit.inclusive", "Required: true for '≤ limit' (the limit itself is allowed), false for '< limit'.");
            valid = false;
        }

        return valid ? new SevenOhLimit(document.Percent!.Value, basis, document.Inclusive!.Value) : null;
    }

    private static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    // Names only: "2" or "Banned, Regulated" must not slip through as enum values.
    private static bool TryParseName<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text is not null && Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal)
            && Enum.TryParse(text, ignoreCase: false, out value);
    }
}

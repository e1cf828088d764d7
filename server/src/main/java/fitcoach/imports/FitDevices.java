package fitcoach.imports;

import com.garmin.fit.GarminProduct;
import com.garmin.fit.Manufacturer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Readable device names from FIT manufacturer and product numbers: "Garmin Forerunner 110", "Wahoo ELEMNT",
 * "COROS PACE 2". Uses the product_name a device writes when there is one, else the SDK's Garmin product names.
 */
final class FitDevices {
  private static final Map<Integer, String> MAKERS = Map.of(
      Manufacturer.GARMIN, "Garmin", Manufacturer.WAHOO_FITNESS, "Wahoo", Manufacturer.COROS, "COROS",
      Manufacturer.SIGMASPORT, "Sigma Sport", Manufacturer.SUUNTO, "Suunto", Manufacturer.HAMMERHEAD, "Hammerhead",
      Manufacturer.ZWIFT, "Zwift", Manufacturer.STRAVA, "Strava");
  /** Garmin product-name prefixes in the SDK and how Garmin writes the family. Longer prefixes first. */
  private static final List<String[]> GARMIN_FAMILIES = List.of(
      new String[] {"VIVOACTIVE", "Vivoactive"}, new String[] {"INSTINCT", "Instinct"}, new String[] {"APPROACH", "Approach"},
      new String[] {"ENDURO", "Enduro"}, new String[] {"FENIX", "Fenix"}, new String[] {"EDGE", "Edge"},
      new String[] {"EPIX", "Epix"}, new String[] {"VENU", "Venu"}, new String[] {"FR", "Forerunner"});

  private FitDevices() {}

  /** The name, or null when the file says nothing about its maker or product. */
  static String name(Integer manufacturer, Integer product, String productName) {
    String maker = maker(manufacturer);
    if (productName != null && !productName.isBlank()) {
      String p = productName.trim();
      return maker == null || p.toLowerCase(Locale.ROOT).contains(maker.toLowerCase(Locale.ROOT)) ? p : maker + " " + p;
    }
    if (manufacturer != null && manufacturer == Manufacturer.GARMIN && product != null) {
      String model = garminModel(product);
      return model == null ? "Garmin (product " + product + ")" : "Garmin " + model;
    }
    if (maker == null) {
      return null;
    }
    return product == null ? maker : maker + " (product " + product + ")";
  }

  private static String maker(Integer manufacturer) {
    if (manufacturer == null || manufacturer == Manufacturer.DEVELOPMENT || manufacturer == Manufacturer.INVALID) {
      return null;
    }
    String known = MAKERS.get(manufacturer);
    if (known != null) {
      return known;
    }
    String sdk = Manufacturer.getStringFromValue(manufacturer);
    return sdk == null || sdk.isEmpty() ? null : words(sdk);
  }

  /** "FR920XT" → "Forerunner 920XT", "EDGE_530" → "Edge 530", "VENUSQ" → "Venu Sq"; null when unknown. */
  static String garminModel(int product) {
    String sdk = GarminProduct.getStringFromValue(product);
    if (sdk == null || sdk.isEmpty()) {
      return null;
    }
    for (String[] family : GARMIN_FAMILIES) {
      if (sdk.startsWith(family[0]) && sdk.length() > family[0].length()) {
        String rest = words(sdk.substring(family[0].length()));
        return rest.isEmpty() ? family[1] : family[1] + " " + rest;
      }
    }
    return words(sdk);
  }

  /** Underscore-separated SDK words in title case; words starting with a digit (model numbers) stay as they are. */
  private static String words(String sdk) {
    StringBuilder out = new StringBuilder();
    for (String word : sdk.split("_")) {
      if (word.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(Character.isDigit(word.charAt(0))
          ? word
          : word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}

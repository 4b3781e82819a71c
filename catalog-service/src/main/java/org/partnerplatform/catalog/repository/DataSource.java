package org.partnerplatform.catalog.repository;

/**
 * Where a product's data came from. Data imported from the hub's NeTEx fare data is credited "Data made available
 * by Entur" under the Norwegian Licence for Open Government Data (NLOD) wherever it is shown.
 */
public enum DataSource {
    ADMIN_API, NETEX_IMPORT;

    public static final String ENTUR_CREDIT = "Data made available by Entur";
    public static final String ENTUR_LICENCE = "NLOD";

    /** The credit the data's licence asks for, or null when it needs none. */
    public String credit() {
        return this == NETEX_IMPORT ? ENTUR_CREDIT : null;
    }

    public String licence() {
        return this == NETEX_IMPORT ? ENTUR_LICENCE : null;
    }
}

package org.partnerplatform.catalog.repository;

/** A product is sold only while PUBLISHED; WITHDRAWN takes it out of every catalog without losing it. */
public enum ProductStatus {
    DRAFT, PUBLISHED, WITHDRAWN
}

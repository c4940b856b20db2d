/** The append-only, hash-chained record of every change made by a person or the system. */
package id.gerai.audit;

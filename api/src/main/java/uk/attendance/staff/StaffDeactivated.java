package uk.attendance.staff;

/**
 * Told, inside the transaction that switches a staff account off, so each feature lets go of what the member held
 * (their devices, the call tasks they had claimed). Implemented by those features; the staff feature never reads
 * their tables.
 */
public interface StaffDeactivated {
    void deactivated(long staffId);
}

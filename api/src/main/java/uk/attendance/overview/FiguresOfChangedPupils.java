package uk.attendance.overview;

import jakarta.inject.Singleton;
import uk.attendance.audit.ChangeListener;
import uk.attendance.audit.Entity;
import uk.attendance.audit.RecordChanged;

/** A pupil's change (a new leaving date changes which sessions count) drops their school's kept figures. */
@Singleton
class FiguresOfChangedPupils implements ChangeListener {
    private final SchoolFigures figures;

    FiguresOfChangedPupils(SchoolFigures figures) {
        this.figures = figures;
    }

    @Override
    public void changed(RecordChanged change) {
        if (change.entity() == Entity.PUPIL && change.schoolId() != null) {
            figures.forget(change.schoolId());
        }
    }
}

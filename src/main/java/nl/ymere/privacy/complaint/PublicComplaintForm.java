package nl.ymere.privacy.complaint;

import nl.ymere.privacy.request.Channel;
import nl.ymere.privacy.request.PublicComplaintIntake;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A complaint filed on the public form (channel WEB_FORM, received now): registered like POST /api/complaints. */
@Service
class PublicComplaintForm implements PublicComplaintIntake {

  private final ComplaintRegistration registration;

  PublicComplaintForm(ComplaintRegistration registration) {
    this.registration = registration;
  }

  @Override
  @Transactional
  public Filed file(String name, String email, String postalAddress, String description, String registeredBy) {
    Complaint complaint = registration.register(new RegisterComplaintCommand(null, Channel.WEB_FORM,
        new RegisterComplaintCommand.Complainant(name, email, postalAddress), description, null), registeredBy);
    return new Filed(complaint.reference(), complaint.dueDate(), complaint.complainantEmail() != null);
  }
}
